import { checkEligibility, describeEligibility } from './eligibility.js';

const person = { age: 70, residenceNodeIds: ['community1', 'grid1'], partyMember: false, partyNodeIds: [] as string[], skills: ['急救'] };

describe('eligibility', () => {
  it('lets anyone in when there is no rule', () => expect(checkEligibility(null, person)).toBeNull());
  it('refuses someone outside the age range, and someone of unknown age', () => {
    expect(checkEligibility({ minAge: 60, maxAge: 69 }, person)).toBe('AGE');
    expect(checkEligibility({ minAge: 60 }, { ...person, age: null })).toBe('AGE');
    expect(checkEligibility({ minAge: 60, maxAge: 80 }, person)).toBeNull();
  });
  it('checks residence against any ancestor node', () => {
    expect(checkEligibility({ residenceNodeIds: ['community1'] }, person)).toBeNull();
    expect(checkEligibility({ residenceNodeIds: ['community2'] }, person)).toBe('RESIDENCE');
  });
  it('refuses non-members for member-only slots and checks every required skill', () => {
    expect(checkEligibility({ partyMembersOnly: true }, person)).toBe('PARTY_ONLY');
    expect(checkEligibility({ skills: ['急救', '理发'] }, person)).toBe('SKILLS');
  });
  it("keeps a branch's own activity to that branch's members, at any depth below it", () => {
    const member = { ...person, partyMember: true, partyNodeIds: ['committee', 'branch1', 'group1'] };
    expect(checkEligibility({ partyNodeIds: ['branch1'] }, member)).toBeNull();
    expect(checkEligibility({ partyNodeIds: ['branch2'] }, member)).toBe('BRANCH_ONLY');
    expect(checkEligibility({ partyNodeIds: ['branch1'] }, person)).toBe('BRANCH_ONLY');
    expect(describeEligibility({ partyNodeIds: ['branch1'], partyMembersOnly: true }, { branch1: '幸福社区第一党支部' })).toBe('仅限幸福社区第一党支部党员');
  });
  it('describes rules in Chinese', () => expect(describeEligibility({ minAge: 60, partyMembersOnly: true })).toBe('60岁及以上 · 仅限党员'));
});
