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
  // Client-side only: a page opened from a link that lacks the id of what it shows.
  LINK_INCOMPLETE: { status: 400, message: '这个链接不完整，缺少要打开的内容，请回到列表重新打开' },
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
  RESIDENCE_REQUIRED: { status: 409, message: '请先在“我的—居住地”中选择您住在哪个小区，才能找到您的网格员' },
  GRID_CONTACT_UNKNOWN: { status: 404, message: '暂时查不到您所在网格的网格员，请到社区居委会或拨打社区电话咨询' },
  ACCOUNT_DISABLED: { status: 403, message: '账号已停用，请联系社区工作人员' },
  PRIVACY_NOT_ACCEPTED: { status: 403, message: '请先阅读并同意隐私保护指引' },
  PRIVACY_VERSION_OUTDATED: { status: 409, message: '隐私保护指引已更新，请阅读最新版本后再同意' },
  ACCOUNT_DELETED: { status: 401, message: '该账号已注销。如需继续使用，请重新用微信登录，将作为新账号注册' },
  ACCOUNT_PAYMENT_IN_FLIGHT: { status: 409, message: '您有一笔党费正在支付中，请等支付完成或订单关闭（约15分钟）后再注销账号' },
  ACCOUNT_SOLE_MANAGER: { status: 409, message: '您是所在组织唯一的负责人，请先请上级组织安排接任人，再注销账号' },

  // Organisation and Party membership
  RESIDENCE_NODE_INVALID: { status: 400, message: '请选择您居住的网格或楼栋' },
  BRANCH_NOT_FOUND: { status: 404, message: '没有找到这个党支部' },
  PARTY_APPLICATION_EXISTS: { status: 409, message: '您已提交过申请，请等待支部审核' },
  ALREADY_PARTY_MEMBER: { status: 409, message: '您已经是党员身份，无需再次申请' },
  PARTY_APPLICATION_DECIDED: { status: 409, message: '该申请已处理过了' },

  // Points ledger and points mall (issue #3)
  POINTS_INSUFFICIENT: { status: 409, message: '积分不足，攒够积分再来兑换吧' },
  POINTS_ALREADY_REVERSED: { status: 409, message: '这笔积分已经撤销过了' },
  POINTS_KEY_REUSED: { status: 409, message: '重复的请求编号，请刷新后重试' },
  MALL_OUT_OF_STOCK: { status: 409, message: '该商品已兑完，请选择其他商品' },
  MALL_ITEM_UNAVAILABLE: { status: 409, message: '该商品已下架' },
  PICKUP_CODE_INVALID: { status: 404, message: '提货码无效，请核对后重新输入' },
  REDEMPTION_NOT_PENDING: { status: 409, message: '该兑换已领取或已取消' },

  // Party study and quizzes (issue #3)
  STUDY_SESSION_CLOSED: { status: 409, message: '本次学习已结束，请重新打开内容继续学习' },
  STUDY_HEARTBEAT_TOO_FAST: { status: 429, message: '学习计时上报过于频繁' },
  STUDY_HEARTBEAT_OUT_OF_ORDER: { status: 409, message: '学习计时顺序有误，请重新打开内容' },
  QUIZ_ALREADY_TAKEN: { status: 409, message: '今天的每日答题已经完成，明天再来吧' },
  QUIZ_NOT_OPEN: { status: 409, message: '该答题不在开放时间内' },
  QUIZ_QUESTION_NOT_IN_ATTEMPT: { status: 400, message: '这道题不在本次答题中' },
  QUIZ_ALREADY_ANSWERED: { status: 409, message: '这道题已经作答过了' },
  QUIZ_ANSWER_LATE: { status: 409, message: '答题超时，本题不计分' },
  QUIZ_ATTEMPT_FINISHED: { status: 409, message: '本次答题已结束' },
  QUIZ_OPTION_INVALID: { status: 400, message: '所选答案不是本题的选项' },

  // Enrollment, activities and notifications (issue #5)
  ENROLLMENT_EXISTS: { status: 409, message: '您已经报过名了，可在"我的活动"中查看' },
  ENROLLMENT_WINDOW_NOT_OPEN: { status: 409, message: '报名还没有开始，请稍后再来' },
  ENROLLMENT_WINDOW_CLOSED: { status: 409, message: '报名已经截止了' },
  ENROLLMENT_AGE_INELIGIBLE: { status: 403, message: '您的年龄不在本活动的报名范围内' },
  ENROLLMENT_RESIDENCE_INELIGIBLE: { status: 403, message: '本活动仅限指定社区或网格的居民报名' },
  ENROLLMENT_PARTY_ONLY: { status: 403, message: '本活动仅限党员报名' },
  ENROLLMENT_BRANCH_ONLY: { status: 403, message: '本活动是党支部为本支部党员组织的，仅限本支部党员报名' },
  ENROLLMENT_SKILLS_REQUIRED: { status: 403, message: '本活动需要特定技能，您暂不符合条件' },
  ENROLLMENT_TOO_MANY_COMPANIONS: { status: 400, message: '同行人数超过了本活动允许的人数' },
  ENROLLMENT_NOT_ENOUGH_PLACES: { status: 409, message: '剩余名额不够您和同行人，请减少同行人后再试' },
  ENROLLMENT_CANCEL_DEADLINE_PASSED: { status: 409, message: '已过取消截止时间，如有特殊情况请联系组织者' },
  ENROLLMENT_NOT_CANCELLABLE: { status: 409, message: '当前状态无法取消报名' },
  ENROLLMENT_NO_OFFER: { status: 409, message: '您当前没有待确认的候补名额' },
  ENROLLMENT_OFFER_EXPIRED: { status: 409, message: '候补名额的确认时间已过，名额已让给下一位' },
  ENROLLMENT_NOT_PENDING: { status: 409, message: '该报名不在待审核状态' },
  ENROLLMENT_NOT_ATTENDABLE: { status: 409, message: '该报名不能标记到场情况' },
  ENROLLMENT_SLOT_CLOSED: { status: 409, message: '该活动已取消或结束，无法报名' },
  ACTIVITY_CANCELLED: { status: 409, message: '这个活动已经取消了' },
  ACTIVITY_COVER_INVALID: { status: 400, message: '这张图片不能用作封面，请换一张 JPG 或 PNG 照片' },
  ACTIVITY_NOT_RATEABLE: { status: 409, message: '参加活动并签到后才能评价' },
  ACTIVITY_ALREADY_RATED: { status: 409, message: '您已经评价过这个活动了' },
  COMMENT_ALREADY_DECIDED: { status: 409, message: '该评价已审核过' },
  COMMENT_REJECTED: { status: 422, message: '评价内容未通过内容安全检查，请修改后再提交' },
  ACTIVITY_COMMUNITY_INVALID: { status: 400, message: '请选择活动所属的社区或党支部' },
  // A place the caller can see (every community is listed to everyone) but does not look after.
  ACTIVITY_PLACE_NOT_YOURS: { status: 403, message: '您只能在自己负责的社区或党支部发布和修改活动' },

  // Check-in (the shared mechanism: meetings, activities, shifts) — issue #4
  CHECKIN_TOKEN_EXPIRED: { status: 400, message: '签到码已过期，请扫描现场屏幕上最新的二维码' },
  CHECKIN_TOKEN_FORGED: { status: 400, message: '签到码无效，请扫描组织者出示的二维码' },
  CHECKIN_NOT_INVITED: { status: 403, message: '您不在本次签到名单中，如有疑问请联系组织者' },
  CHECKIN_NOT_OPEN: { status: 409, message: '签到尚未开始，请在开始前30分钟内再试' },
  CHECKIN_CLOSED: { status: 409, message: '签到已结束' },
  CHECKIN_OUTSIDE_AREA: { status: 403, message: '您不在签到范围内，请到会场后再试或扫码签到' },
  CHECKIN_LOCATION_IMPRECISE: { status: 400, message: '定位不够精确，请到开阔处重试或改用扫码签到' },
  CHECKIN_GEOFENCE_DISABLED: { status: 403, message: '本次不支持定位签到，请扫码签到' },
  CHECKIN_ALREADY_DONE: { status: 409, message: '您已经签到过了，无需重复签到' },
  CHECKIN_NONCE_REUSED: { status: 409, message: '请求编号重复，请重新扫码' },
  CHECKIN_TARGET_NOT_FOUND: { status: 404, message: '没有找到这个签到对象' },
  CHECKIN_CODE_WRONG: { status: 400, message: '签到码不对，请核对组织者屏幕上二维码旁的6位数字' },
  CHECKIN_CODE_EXPIRED: { status: 400, message: '签到码已过期，请输入组织者屏幕上最新的6位数字' },

  // Meetings (三会一课) — issue #4
  MEETING_NOT_EDITABLE: { status: 409, message: '会议已结束或已取消，不能再修改' },
  MEETING_NODE_INVALID: { status: 400, message: '请选择党支部或党小组' },
  MEETING_PERSON_INVALID: { status: 400, message: '主持人、记录人和参会人须是本支部的人员' },
  MEETING_NO_INVITEES: { status: 400, message: '没有可邀请的参会人员' },
  MEETING_LEAVE_TOO_LATE: { status: 409, message: '会议已开始，不能再请假，请联系组织者' },
  MEETING_LEAVE_NOT_REQUESTED: { status: 409, message: '该成员没有待审批的请假' },
  MEETING_ALREADY_CHECKED_IN: { status: 409, message: '已签到，无需请假' },
  MEETING_NOT_ENDED: { status: 409, message: '会议尚未开始，不能结束考勤' },
  MEETING_PHOTO_INVALID: { status: 400, message: '照片无法识别，请上传 JPG 或 PNG 照片' },
  MEETING_PHOTOS_FULL: { status: 409, message: '照片数量已达上限' },
  MEETING_STARTED: { status: 409, message: '会议已开始，不能再调整参会人员' },
  MEETING_INVITEE_LOCKED: { status: 409, message: '已签到或已批准请假的人员不能移出参会名单' },

  // Party dues and WeChat Pay (issue #7)
  DUES_PROFILE_MISSING: { status: 409, message: '还没有您的党费档案，请联系支部党费管理员' },
  DUES_NOT_PARTY_MEMBER: { status: 400, message: '该人员不是本支部党员' },
  DUES_BILL_PAID: { status: 409, message: '该月党费已缴纳，无需重复缴纳' },
  DUES_BILLS_MIXED: { status: 400, message: '一次只能为同一位党员缴纳党费' },
  DUES_BILL_BUSY: { status: 409, message: '该账单正在支付中，请稍后刷新再试' },
  PAY_UNAVAILABLE: { status: 503, message: '微信支付暂时不可用，请稍后再试' },
  PAY_NO_OPENID: { status: 409, message: '请使用微信登录后再支付' },
  PAY_ORDER_NOT_PAID: { status: 409, message: '该订单尚未支付成功，不能退款' },
  PAY_REFUND_EXCEEDS: { status: 409, message: '退款金额超过了可退金额' },
  PAY_REFUND_REFUSED: { status: 409, message: '微信支付未受理这笔退款（该订单在微信支付查不到或状态不允许退款），请到微信支付商户平台核对后再试' },
  PAY_REFUND_LIMIT: { status: 409, message: '该订单的退款次数已达上限' },
  PAY_REFUND_KEY_REUSED: { status: 409, message: '退款请求编号重复，请刷新后重试' },
  PAY_NOTIFY_SIGNATURE: { status: 401, message: '通知签名校验失败' },
  PAY_NOTIFY_STALE: { status: 401, message: '通知时间戳已过期' },
  PAY_NOTIFY_INVALID: { status: 400, message: '通知内容无效' },
  PAY_NOTIFY_MISMATCH: { status: 400, message: '通知与订单不一致' },
  PAY_DEMO_ONLY: { status: 404, message: '模拟支付仅在演示环境中可用' },

  // 亲情账号 and acting for others (issue #8)
  FAMILY_INVITE_INVALID: { status: 400, message: '邀请码不对或已过期，请让老人在“亲情账号”里重新生成' },
  FAMILY_SELF_LINK: { status: 400, message: '不能和自己绑定，请让家人用自己的手机输入邀请码' },
  FAMILY_WITNESS_SELF: { status: 400, message: '上门见证的工作人员不能自己绑定，请让老人的家人输入邀请码' },
  FAMILY_LINK_EXISTS: { status: 409, message: '你们已经绑定过了，或正在等待老人确认' },
  FAMILY_TOO_MANY_LINKS: { status: 409, message: '最多绑定5位家人，请先解除不再需要的绑定' },
  FAMILY_LINK_NOT_PENDING: { status: 409, message: '这条绑定请求已经处理过了，请刷新看看' },
  FAMILY_LINK_REVOKED: { status: 409, message: '这条绑定已经解除了' },
  FAMILY_NOT_LINKED: { status: 403, message: '您和这位老人还没有绑定亲情账号（或已解除），不能替TA办理，请先让老人确认绑定' },
  FAMILY_ELDER_NOT_PARTY_MEMBER: { status: 409, message: 'TA不是党员，没有需要代缴的党费' },
  RESIDENT_HOME_INVALID: { status: 400, message: '请选择这位居民居住的网格或楼栋' },
  RESIDENT_PHONE_TAKEN: { status: 409, message: '这个手机号已有居民在用，请核对；没有手机可以不填' },

  // volunteering and mobilisation (issue #6)
  VOLUNTEER_NODE_INVALID: { status: 400, message: '请选择社区或党支部作为项目的组织单位' },
  VOLUNTEER_CAMPAIGN_CLOSED: { status: 409, message: '这个志愿项目已经结束，不能再添加岗位' },
  VOLUNTEER_SHIFT_OUTSIDE_CAMPAIGN: { status: 400, message: '岗位时间须在项目起止时间之内' },
  VOLUNTEER_SHIFT_OVERLAP: { status: 409, message: '您在这个时间段已经报名了另一个志愿岗位，同一时间只能参加一个' },
  VOLUNTEER_NOT_CHECKED_IN: { status: 409, message: '您还没有签到，请先扫签到码签到，再扫签退码' },
  VOLUNTEER_ALREADY_CHECKED_OUT: { status: 409, message: '您已经签退过了，时长已提交审核' },
  VOLUNTEER_HOURS_NOT_PENDING: { status: 409, message: '所选记录中有已审核过的，请刷新后重新选择' },
  VOLUNTEER_GRID_INVALID: { status: 400, message: '请选择网格' },
  MOBILISATION_TARGET_INVALID: { status: 400, message: '召集范围须是您管辖的网格或党支部' },
  MOBILISATION_NO_ONE_MATCHES: { status: 409, message: '没有符合条件的人员，请放宽技能或范围后再发' },
  MOBILISATION_CLOSED: { status: 409, message: '这次召集已经结束，感谢您的关注' },
  MOBILISATION_ANSWERED: { status: 409, message: '您已经回复过这次召集了' },
  MOBILISATION_NOT_FULL: { status: 409, message: '召集还没有满员，请直接点“我参加”' },
  VOLUNTEER_CAMPAIGN_ALREADY_CLOSED: { status: 409, message: '这个志愿项目已经停止招募了' },
  VOLUNTEER_CAMPAIGN_NOT_RECRUITING: { status: 409, message: '这个志愿项目已停止招募，不能再报名' },
  VOLUNTEER_PERIOD_EXCLUDES_SHIFT: { status: 409, message: '项目时间须包含已安排的所有岗位，请先调整或取消这些岗位' },
  VOLUNTEER_SHIFT_CANCELLED: { status: 409, message: '这个岗位已经取消了' },
  VOLUNTEER_SHIFT_STARTED: { status: 409, message: '岗位已经开始，不能再取消' },
  VOLUNTEER_HOURS_NOT_CORRECTABLE: { status: 409, message: '只能更正系统自动签退、尚未审核的时长' },
  VOLUNTEER_IMPACT_TOO_MANY: { status: 409, message: '一个项目最多记录10项成效，请沿用已有的名称' },

  // complaint channel 举报投诉 (issue #9)
  COMPLAINT_RESIDENCE_REQUIRED: { status: 409, message: '请先在“我的—居住地”中选择您住的小区，投诉才能交给负责您社区的管理员处理' },
  COMPLAINT_TOO_MANY_OPEN: { status: 409, message: '您已有5件投诉正在处理，请等答复办结或撤回一件后再提交' },
  COMPLAINT_REJECTED: { status: 422, message: '投诉内容未通过内容安全检查，请修改后再提交' },
  COMPLAINT_NOT_WITHDRAWABLE: { status: 409, message: '这件投诉已经答复、办结或撤回，不能再撤回了，请刷新看看' },
  COMPLAINT_NOT_ANSWERED: { status: 409, message: '这件投诉还没有答复，收到答复后才能确认办结；不需要处理了可以撤回' },
  COMPLAINT_NOT_PENDING: { status: 409, message: '这件投诉已经答复过或已被撤回，请刷新看看' },
  // Case workflow 工单: reports, disputes, visit follow-ups (issue #18)
  CASE_PLACE_OUTSIDE_GRID: { status: 422, message: '这个地点不在任何网格内，请选择您所在小区的楼栋；不清楚的可以请网格员帮忙' },
  CASE_RESIDENCE_REQUIRED: { status: 409, message: '请先在“我的—居住地”中选择您住的楼栋，或在反映时选择问题所在的楼栋' },
  CASE_NO_HANDLER: { status: 409, message: '这个网格暂时没有负责人，请直接联系社区居委会' },
  CASE_NOT_YOURS: { status: 403, message: '这件工单不是派给您的，只有负责人或社区管理员可以处理' },
  CASE_WRONG_STATUS: { status: 409, message: '工单当前的状态不能进行这一步，请刷新后查看最新进展' },
  CASE_ALREADY_RATED: { status: 409, message: '这次办理您已经评价过了，如不满意可以申请重新办理' },
  CASE_REOPEN_TOO_LATE: { status: 409, message: '办结已超过7天，不能再申请重新办理；如问题仍在，请重新提交一次反映' },
  CASE_REOPEN_NOT_UNSATISFIED: { status: 409, message: '只有评价为“不满意”的工单才能申请重新办理' },
  CASE_REOPEN_EXHAUSTED: { status: 409, message: '这件工单已经重新办理并升级督办过，不能再次重开；请联系社区居委会' },
  CASE_MERGE_TARGET_CLOSED: { status: 409, message: '要合并到的工单已经结束，不能合并；请选择一件仍在办理中的工单' },
  CASE_MERGE_SELF: { status: 400, message: '不能把工单合并到它自己' },
  CASE_ANONYMOUS_NOT_ALLOWED: { status: 400, message: '只有“安全隐患”和“邻里纠纷”可以对处理人匿名，且需社区开启此项' },
  CASE_REJECTED: { status: 422, message: '反映内容未通过内容安全检查，请修改后再提交' },
  CASE_HANDLER_INVALID: { status: 400, message: '请选择本社区的网格员或工作人员作为负责人' },
  CASE_PHOTO_INVALID: { status: 400, message: '照片无法识别，请上传手机拍摄的 JPG 或 PNG 照片' },
  CASE_PHOTO_UNKNOWN: { status: 400, message: '有照片没有上传成功，请重新选择照片后再提交' },
  CASE_PHOTOS_FULL: { status: 409, message: '每件反映最多6张照片' },
  CASE_PROXY_NOT_ALLOWED: { status: 403, message: '您还不能替这位居民反映：需要亲情账号关系，或由其所在网格的网格员代办' },
  CASE_TOO_MANY: { status: 429, message: '今天提交的反映太多了，请明天再试；紧急情况请直接联系网格员' },
  // Grid ledger, care visits and risk warnings (issue #16)
  HOUSEHOLD_BUILDING_INVALID: { status: 400, message: '请选择户所在的楼栋' },
  HOUSEHOLD_EXISTS: { status: 409, message: '这个楼栋的这一户已经建档，请在户列表中搜索门牌号' },
  PERSON_IN_ANOTHER_HOUSEHOLD: { status: 409, message: '此人已在另一户中登记，请先在原户办理迁出，再加入本户' },
  PERSON_ALREADY_MEMBER: { status: 409, message: '此人已是本户成员' },
  PERSON_ID_NUMBER_TAKEN: { status: 409, message: '这个身份证号已登记在另一位居民名下，请核对是否重复建档' },
  PERSON_BIRTH_DATE_MISMATCH: { status: 400, message: '出生日期与身份证号中的出生日期不一致，请核对' },
  PERSON_NOT_IN_GRID: { status: 404, message: '您负责的网格里没有这位居民' },
  MEMBERSHIP_ALREADY_ENDED: { status: 409, message: '此人已迁出或去世，记录不能再修改' },
  TAG_DERIVED: { status: 400, message: '“高龄”和“党员”由年龄和党组织关系自动得出，不能手动设置' },
  VISIT_IN_FUTURE: { status: 400, message: '走访时间不能晚于现在，请核对日期和时间' },
  VISIT_TOO_OLD: { status: 400, message: '只能补录30天内的走访' },
  VISIT_SEEN_NOT_MEMBER: { status: 400, message: '“见到的人”只能选本户的成员' },
  VISIT_CORRECTION_INVALID: { status: 409, message: '只能更正本户尚未被更正过的走访记录' },
  VISIT_PHOTO_INVALID: { status: 400, message: '走访照片无法识别，请上传 JPG 或 PNG 照片（不超过150KB）' },
  VISIT_LOCATION_NO_CONSENT: { status: 409, message: '见到的居民还没有同意记录走访位置，请不要上传位置（可在我的档案里由居民本人开启）' },
  TASK_ALREADY_DONE: { status: 409, message: '这项待办已经办结' },
  WARNING_NOT_OPEN: { status: 409, message: '这条预警已经解除，请刷新看看' },
  WARNING_NOT_ACKNOWLEDGED: { status: 409, message: '请先确认收到这条预警，再填写处理结果' },
  GRID_STAFF_ONLY: { status: 403, message: '只有网格员和社区工作人员可以查看户档案' },
  // Analytics (数据看板, 大屏)
  ANALYTICS_RANGE_REVERSED: { status: 400, message: '开始日期不能晚于结束日期，请重新选择' },
  ANALYTICS_RANGE_TOO_LONG: { status: 400, message: '统计时间最长3年，请缩短日期范围' },
  ANALYTICS_UNKNOWN_METRIC: { status: 400, message: '没有这项统计指标，请刷新页面后重试' },
  ANALYTICS_NODE_OUT_OF_SCOPE: { status: 403, message: '这个组织不在您的管辖范围内，只能查看本网格、本社区或本街道的数据' },
  ANALYTICS_STAFF_ONLY: { status: 403, message: '只有网格员、社区和街道工作人员可以查看数据看板' },
  KIOSK_LINK_INVALID: { status: 404, message: '大屏链接无效，请向社区工作人员索取新链接' },
  KIOSK_LINK_EXPIRED: { status: 410, message: '大屏链接已过期，请向社区工作人员索取新链接' },
  KIOSK_LINK_REVOKED: { status: 410, message: '大屏链接已被收回，请向社区工作人员索取新链接' },
  CORRECTION_NO_FILE: { status: 409, message: '您还没有建档，网格员上门登记后才能申请更正' },
  CORRECTION_ALREADY_OPEN: { status: 409, message: '这一项已有一个更正申请在处理中，请等网格员答复' },
  CORRECTION_NOT_OPEN: { status: 409, message: '这个更正申请已经处理过了，请刷新看看' },
  // Roster import (issue #17)
  ROSTER_SOURCE_EXISTS: { status: 409, message: '已有同名的名单来源，请换一个名称或直接选用它' },
  ROSTER_FILE_TOO_LARGE: { status: 413, message: '文件超过20MB，请按楼栋拆成几个文件再上传' },
  ROSTER_FILE_EMPTY: { status: 400, message: '文件是空的，请重新选择文件' },
  ROSTER_FILE_UNREADABLE: { status: 400, message: '这个文件不是Excel表格(.xlsx)或CSV文件，请在Excel中“另存为”.xlsx后再上传' },
  ROSTER_FILE_OLD_XLS: { status: 400, message: '这是旧版Excel(.xls)文件，请在Excel中“另存为”.xlsx后再上传' },
  ROSTER_FILE_BOMB: { status: 400, message: '文件解压后异常巨大，可能已损坏或不安全，请重新从Excel导出' },
  ROSTER_TOO_MANY_ROWS: { status: 400, message: '表格超过100000行，请按楼栋或网格拆成几个文件再上传' },
  ROSTER_SHEET_UNKNOWN: { status: 400, message: '找不到选择的工作表，请重新选择' },
  ROSTER_NO_HEADER: { status: 400, message: '前10行里找不到表头（如“姓名”“身份证号”），请检查是否选对了工作表' },
  ROSTER_MAPPING_INCOMPLETE: { status: 400, message: '请指定哪一列是“姓名”，并至少指定身份证号、出生日期、电话或住址中的一列' },
  ROSTER_IMPORT_STATE: { status: 409, message: '这次导入的状态已变化（可能已提交或已撤销），请刷新看看' },
  ROSTER_ROLLBACK_BLOCKED: { status: 409, message: '这次导入之后已有其他操作用到了它的数据，不能整体撤销，详情见下方列出的原因' },
  ROSTER_PAIR_DECIDED: { status: 409, message: '这一对已经有人判断过了，请刷新看看' },
  ROSTER_VERIFICATION_CLOSED: { status: 409, message: '这条核验已经处理过了，请刷新看看' },
  ROSTER_VALUE_INVALID: { status: 400, message: '核实的值格式不对，请检查（手机号11位，日期如1958-03-05）' },
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
