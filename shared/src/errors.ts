/**
 * Stable error codes shared by server and mini-program. The code never changes once published;
 * the Chinese message is what a resident sees and must tell them what to do next.
 */
export const ERRORS = {
  VALIDATION_FAILED: { status: 400, message: '填写的内容有误，请检查标出的项目' },
  MALFORMED_REQUEST: { status: 400, message: '请求格式不正确，请刷新后重试' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  TOKEN_EXPIRED: { status: 401, message: '登录已过期，请重新登录' },
  REFRESH_TOKEN_INVALID: { status: 401, message: '登录状态已失效，请重新登录' },
  FORBIDDEN: { status: 403, message: '您没有权限进行此操作' },
  NOT_FOUND: { status: 404, message: '内容不存在或已被删除' },
  ROUTE_NOT_FOUND: { status: 404, message: '访问的地址不存在' },
  CONFLICT: { status: 409, message: '操作冲突，请刷新后重试' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '提交的内容太大，请精简后再试' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '请求格式不受支持' },
  RATE_LIMITED: { status: 429, message: '操作太频繁，请稍后再试' },
  INTERNAL: { status: 500, message: '系统开小差了，请稍后再试' },
  SERVICE_UNAVAILABLE: { status: 503, message: '服务暂时不可用，请稍后再试' },

  // Login and identity
  DEMO_LOGIN_DISABLED: { status: 403, message: '演示登录仅在演示环境中可用' },
  DEMO_PERSONA_UNKNOWN: { status: 404, message: '没有这个演示账号' },
  WECHAT_CODE_INVALID: { status: 400, message: '微信登录凭证无效，请重新打开小程序再试' },
  WECHAT_CODE_USED: { status: 400, message: '微信登录凭证已使用，请重新登录' },
  WECHAT_TOO_FREQUENT: { status: 429, message: '登录太频繁，请一分钟后再试' },
  WECHAT_USER_BLOCKED: { status: 403, message: '微信判定当前账号存在风险，暂时无法登录，请联系社区工作人员' },
  WECHAT_PHONE_QUOTA: { status: 503, message: '获取手机号的次数已用完，请稍后再试或手动填写' },
  WECHAT_UNAVAILABLE: { status: 503, message: '暂时连不上微信服务，请稍后再试' },
  ACCOUNT_DISABLED: { status: 403, message: '账号已停用，请联系社区工作人员' },
  PRIVACY_NOT_ACCEPTED: { status: 403, message: '请先阅读并同意隐私保护指引' },
  PRIVACY_VERSION_OUTDATED: { status: 409, message: '隐私保护指引已更新，请阅读最新版本后再同意' },

  // Organisation and Party membership
  RESIDENCE_NODE_INVALID: { status: 400, message: '请选择您居住的网格或楼栋' },
  BRANCH_NOT_FOUND: { status: 404, message: '没有找到这个党支部' },
  PARTY_APPLICATION_EXISTS: { status: 409, message: '您已提交过申请，请等待支部审核' },
  ALREADY_PARTY_MEMBER: { status: 409, message: '您已经是党员身份，无需再次申请' },
  PARTY_APPLICATION_DECIDED: { status: 409, message: '该申请已处理过了' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** One field that failed validation: dotted path and a Chinese message. */
export interface FieldError {
  field: string;
  message: string;
}

/** The body of every non-2xx answer from the API. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  fields?: FieldError[];
  requestId?: string;
}

export function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorBody).code === 'string' &&
    typeof (value as ErrorBody).message === 'string'
  );
}

export function errorMessage(code: string): string {
  return (ERRORS as Record<string, { message: string }>)[code]?.message ?? ERRORS.INTERNAL.message;
}
