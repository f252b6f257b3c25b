import { RefreshToken } from '../auth/refresh-token.entity.js';
import { RoleAssignment } from '../members/role-assignment.entity.js';
import { User } from '../members/user.entity.js';
import { OrgNode } from '../organizations/org-node.entity.js';
import { PartyApplication } from '../organizations/party-application.entity.js';
import { WechatAccessToken } from '../wechat/wechat-access-token.entity.js';

/** Every entity of the schema. Add new ones here, then run `npm run db:migration:generate -- <Name>`. */
export const ENTITIES = [OrgNode, User, RoleAssignment, PartyApplication, RefreshToken, WechatAccessToken];
