import type { Actor } from '../common/actor.js';
import { gridPaths, isCommunityStaff } from './grid-scope.js';

const actor = (...grants: [Actor['grants'][number]['role'], string][]): Actor => ({ userId: 'u', grants: grants.map(([role, path]) => ({ role, nodeId: 'n', path })) });

describe('grid scope', () => {
  it('reaches a grid worker’s grids and an organiser’s community, not a street admin’s street', () => {
    expect(gridPaths(actor(['grid_worker', '/s/c/g1/'], ['grid_worker', '/s/c/g2/']))).toEqual(['/s/c/g1/', '/s/c/g2/']);
    expect(gridPaths(actor(['organiser', '/s/c/'], ['grid_worker', '/s/c/g1/']))).toEqual(['/s/c/']);
    expect(gridPaths(actor(['admin', '/s/']))).toEqual([]);
    expect(gridPaths(actor(['resident', '/s/c/g1/b/'], ['treasurer', '/s/c/']))).toEqual([]);
  });

  it('lets only community organisers and admins change the community’s settings', () => {
    expect(isCommunityStaff(actor(['organiser', '/s/c/']), '/s/c/g1/b/')).toBe(true);
    expect(isCommunityStaff(actor(['grid_worker', '/s/c/g1/']), '/s/c/')).toBe(false);
    expect(isCommunityStaff(actor(['admin', '/s/']), '/s/c/')).toBe(false);
  });
});
