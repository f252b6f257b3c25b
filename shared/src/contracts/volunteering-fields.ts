import { z } from 'zod';

// Field schemas that volunteering.ts and mobilisation.ts share (the skills list is re-exported by volunteering.ts).

/** The configurable list of skills a volunteer may declare and a shift may require. */
export const VOLUNTEER_SKILLS = ['医护', '驾驶', '心理疏导', '电工', '外语', '法律', '手语', '摄影', '维修', '厨艺'] as const;
export const VolunteerSkill = z.enum(VOLUNTEER_SKILLS, { message: '请从列表中选择技能' });
export const Skills = z.array(VolunteerSkill).max(10).default([]).transform((s) => [...new Set(s)]);

export const isoTime = z.iso.datetime({ offset: true, message: '时间格式不正确' });
export const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间应为 HH:MM');
