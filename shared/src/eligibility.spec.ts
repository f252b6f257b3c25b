import { checkEligibility, describeEligibility } from './eligibility.js';

const person = { age: 70, residenceNodeIds: ['community1', 'grid1'], partyMember: false, skills: ['急救'] };

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
  it('describes rules in Chinese', () => expect(describeEligibility({ minAge: 60, partyMembersOnly: true })).toBe('60岁及以上 · 仅限党员'));
});
