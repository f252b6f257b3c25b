import type { Domain } from '../common/domain.js';
import { WechatAccessToken } from './wechat-access-token.entity.js';

/** The WeChat client itself is WechatModule (imported by the app module); this registers its table. */
export const WECHAT: Domain = { controllers: [], providers: [], entities: [WechatAccessToken] };
