import {
  type AttentionItem,
  type FolderDomain,
  type FolderSourceList,
  folderSourceListSchema,
  type HomeSourceAnswer,
  homeSourceAnswerSchema,
  type SourceStatus,
} from '@carpeta/sdk';
import { TZDate } from '@date-fns/tz';
import type { FastifyInstance } from 'fastify';
import { citizenOf } from '../agencies/answers.ts';
import type { DomainItems, Folder } from '../agencies/fan-out.ts';
import { folderDomainsOf, type SourceConnector } from '../connectors/types.ts';
import { sendError } from '../errors.ts';

const DAY_MS = 86_400_000;
/** How far ahead each kind of item needs the citizen now. */
export const ATTENTION_WINDOWS = {
  notificationDays: 3,
  appointmentDays: 30,
  documentDays: 90,
} as const;

const MADRID = 'Europe/Madrid';

/** The last instant of an ISO day in Madrid (a document is valid all of its last day). */
function endOfMadridDay(isoDay: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!match) return null;
  const [year = 0, month = 0, day = 0] = match.slice(1).map(Number);
  return new Date(new TZDate(year, month - 1, day, 23, 59, 59, MADRID).getTime());
}

/** What of one source's lists needs the citizen now, each with its deadline and where to act. */
export function attentionItems(
  lists: Partial<{ [D in FolderDomain]: DomainItems[D][] }>,
  now: Date,
): AttentionItem[] {
  const at = now.getTime();
  const items: AttentionItem[] = [];
  for (const notification of lists.notifications ?? []) {
    if (notification.status !== 'pending' || !notification.expiresAt) continue;
    const due = Date.parse(notification.expiresAt);
    if (due <= at || due > at + ATTENTION_WINDOWS.notificationDays * DAY_MS) continue;
    items.push({
      id: notification.id,
      domain: 'notifications',
      reason: 'notification-expiring',
      title: notification.subject.slice(0, 500),
      issuer: notification.issuer,
      due: notification.expiresAt,
      href: `/notifications/${encodeURIComponent(notification.id)}`,
    });
  }
  for (const file of lists.files ?? []) {
    if (file.status !== 'requirement') continue;
    items.push({
      id: file.id,
      domain: 'files',
      reason: 'file-requirement',
      title: file.title.slice(0, 500),
      issuer: file.issuer,
      due: file.deadline ?? file.updatedAt,
      href: `/files/${encodeURIComponent(file.id)}`,
    });
  }
  for (const appointment of lists.appointments ?? []) {
    if (appointment.status !== 'booked') continue;
    const starts = Date.parse(appointment.startsAt);
    if (starts < at || starts > at + ATTENTION_WINDOWS.appointmentDays * DAY_MS) continue;
    items.push({
      id: appointment.id,
      domain: 'appointments',
      reason: 'appointment-upcoming',
      title: `${appointment.service.name} · ${appointment.office.name}`.slice(0, 500),
      issuer: appointment.issuer,
      due: appointment.startsAt,
      href: `/appointments/${encodeURIComponent(appointment.id)}`,
    });
  }
  for (const document of lists.documents ?? []) {
    const due = endOfMadridDay(document.expiresOn);
    // Expired ones need renewing too; those further than the window do not need the citizen yet.
    if (!due || due.getTime() > at + ATTENTION_WINDOWS.documentDays * DAY_MS) continue;
    items.push({
      id: document.id,
      domain: 'documents',
      reason: 'document-expiring',
      title: document.label,
      issuer: document.issuer,
      due: due.toISOString(),
      href: '/documents',
    });
  }
  return items.sort((a, b) => a.due.localeCompare(b.due) || a.id.localeCompare(b.id));
}

/** The worst of a source's domain statuses (the first that is not ok), or ok. */
function combined(source: SourceConnector, statuses: SourceStatus[]): SourceStatus {
  return (
    statuses.find((status) => status.status !== 'ok') ??
    statuses.find((status) => status.message !== undefined) ?? {
      source: source.id,
      name: source.name,
      status: 'ok',
    }
  );
}

/**
 * The proactive home: GET /api/home/sources (the folder's sources) and GET /api/home/sources/:source
 * (what needs the citizen now from that one source). The home MFE asks every source in parallel and
 * shows each as it answers, so it never waits for the slowest.
 */
export function registerHomeRoutes(app: FastifyInstance, options: { folder: Folder; now: () => Date }): void {
  const { folder } = options;

  app.get('/api/home/sources', async (_request, reply) => {
    const body: FolderSourceList = folderSourceListSchema.parse({
      // The folder's sources; a health service or the census alone is not one.
      items: folder.sources
        .filter((source) => folderDomainsOf(source).length > 0)
        .map((source) => ({
          source: source.id,
          name: source.name,
          dir3: source.dir3,
          domains: folderDomainsOf(source),
        })),
    });
    return reply.header('cache-control', 'no-store').send(body);
  });

  app.get<{ Params: { source: string } }>('/api/home/sources/:source', async (request, reply) => {
    const source = folder.source(request.params.source);
    const folderDomains = source ? folderDomainsOf(source) : [];
    if (!source || folderDomains.length === 0) {
      return sendError(reply, 404, 'not-found', 'There is no such source in the folder.');
    }
    const citizenId = citizenOf(request);
    const domains = folderDomains.filter((domain) => source[domain] !== undefined);
    const results = await Promise.all(
      domains.map(async (domain) => [domain, await folder.listOne(source, domain, citizenId)] as const),
    );
    const lists = Object.fromEntries(results.map(([domain, result]) => [domain, result.items]));
    const body: HomeSourceAnswer = homeSourceAnswerSchema.parse({
      items: attentionItems(lists, options.now()),
      source: combined(
        source,
        results.map(([, result]) => result.status),
      ),
    });
    return reply.header('cache-control', 'no-store').send(body);
  });
}
