import type { Actor } from './actor.js';
import { AppError } from './app-error.js';
import { assertActsOn, assertManages, managedPaths, manages, withinScope } from './scope.js';

const organiserOfA: Actor = {
  userId: 'u1',
  grants: [
    { role: 'resident', nodeId: 'g1', path: '/street/c1/g1/' },
    { role: 'organiser', nodeId: 'bA', path: '/committee/bA/' },
  ],
};

describe('authorisation scope', () => {
  it('reaches the whole subtree of the node a managing role is held on', () => {
    expect(manages(organiserOfA, '/committee/bA/group1/')).toBe(true);
    expect(manages(organiserOfA, '/committee/bA/')).toBe(true);
  });

  it('does not reach a sibling branch or the parent', () => {
    expect(manages(organiserOfA, '/committee/bB/')).toBe(false);
    expect(manages(organiserOfA, '/committee/')).toBe(false);
  });

  it('ignores non-managing roles such as resident', () => {
    expect(manages(organiserOfA, '/street/c1/g1/')).toBe(false);
  });

  it('answers not found for an out-of-scope resource and forbidden for a caller with no managing role', () => {
    expect(() => assertManages(organiserOfA, '/committee/bB/')).toThrow(AppError);
    try {
      assertManages(organiserOfA, '/committee/bB/');
    } catch (e) {
      expect((e as AppError).code).toBe('NOT_FOUND');
    }
    const resident: Actor = { userId: 'u2', grants: [{ role: 'resident', nodeId: 'g1', path: '/street/c1/g1/' }] };
    try {
      assertManages(resident, '/street/c1/g1/');
    } catch (e) {
      expect((e as AppError).code).toBe('FORBIDDEN');
    }
  });

  it('collapses nested grants to the outermost path', () => {
    const actor: Actor = {
      userId: 'u3',
      grants: [
        { role: 'admin', nodeId: 's', path: '/s/' },
        { role: 'organiser', nodeId: 'c', path: '/s/c/' },
      ],
    };
    expect(managedPaths(actor)).toEqual(['/s/']);
  });

  it('says a visible node is not the caller\'s with the given code, and offers only the nodes in scope', () => {
    expect(() => assertActsOn(organiserOfA, '/committee/bA/', 'ACTIVITY_PLACE_NOT_YOURS')).not.toThrow();
    expect(() => assertActsOn(organiserOfA, '/street/c1/', 'ACTIVITY_PLACE_NOT_YOURS')).toThrow(expect.objectContaining({ code: 'ACTIVITY_PLACE_NOT_YOURS' }));
    const nodes = [{ id: 'c1', path: '/street/c1/' }, { id: 'bA', path: '/committee/bA/' }, { id: 'bB', path: '/committee/bB/' }];
    expect(withinScope(organiserOfA, nodes).map((n) => n.id)).toEqual(['bA']);
  });
});
