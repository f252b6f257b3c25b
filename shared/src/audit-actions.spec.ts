import { AUDIT_READS, AUDITED_WRITES, describeAuditAction, describeAuditRole } from './contracts/audit.js';

describe('audit actions in plain Chinese', () => {
  it('has its own words for every known action', () => {
    for (const action of [...Object.keys(AUDIT_READS), ...Object.keys(AUDITED_WRITES)]) expect(describeAuditAction(action)).not.toMatch(/[A-Za-z]/);
  });

  it('falls back to the area and the kind of change for routes added later', () => {
    expect(describeAuditAction('DELETE /api/meetings/:id')).toBe('会议：删除');
    expect(describeAuditAction('POST /api/unknown/:id')).toBe('其他：提交');
    expect(describeAuditAction('something.else')).toBe('其他操作');
  });

  it('names roles, several of them, and family members', () => {
    expect(describeAuditRole('organiser,treasurer')).toBe('组织者、党费管理员');
    expect(describeAuditRole('family')).toBe('家人');
    expect(describeAuditRole(null)).toBe('');
  });
});
