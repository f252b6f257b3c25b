import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { maskName, starLevel, type CertificateView } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { newId } from '../common/ids.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { CampaignsRepository } from './campaigns.repository.js';
import type { VolunteerCertificate } from './hours.entity.js';
import { HoursRepository } from './hours.repository.js';
import { clock } from '../common/clock.js';

/** No 0/O or 1/I: the code is read aloud and typed in by hand. */
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const ISSUER = '红星街道新时代文明实践志愿服务队';

/**
 * 志愿服务证明: a snapshot of approved hours with a random 12-character code (60 bits). Anyone holding
 * the code can verify it; the answer carries only the masked name, hours, stars and date.
 */
@Injectable()
export class CertificateService {
  constructor(
    private readonly hours: HoursRepository,
    private readonly people: CampaignsRepository,
    private readonly tx: TransactionRunner,
  ) {}

  async issue(actor: Actor): Promise<CertificateView> {
    const user = await this.people.user(actor.userId);
    if (!user) throw AppError.notFound();
    const halfHours = await this.hours.approvedHalfHours(actor.userId);
    const cert: VolunteerCertificate = {
      id: newId(),
      code: Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join(''),
      userId: user.id,
      nameMasked: maskName(user.name),
      halfHours,
      stars: starLevel(halfHours / 2),
      issuedAt: clock.now(),
      createdAt: clock.now(),
    };
    await this.tx.run((em) => this.hours.insertCertificate(em, cert));
    return view(cert);
  }

  async verify(code: string): Promise<CertificateView> {
    const cert = await this.hours.certificate(code);
    if (!cert) throw AppError.notFound();
    return view(cert);
  }
}

function view(c: VolunteerCertificate): CertificateView {
  return { code: c.code, nameMasked: c.nameMasked, hours: c.halfHours / 2, stars: c.stars, issuedAt: c.issuedAt.toISOString(), issuer: ISSUER };
}
