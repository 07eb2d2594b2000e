import { Alert, Button, Select, Spinner, Table, Tag } from '@carpeta/design-system';
import { localize, newIdempotencyKey } from '@carpeta/sdk';
import {
  type AdminFeedback,
  accessibilityAnsweredSchema,
  adminAccessibilityListSchema,
  adminFeedbackListSchema,
  ROADMAP_STATUSES,
  type RoadmapItem,
  type RoadmapStatus,
  roadmapLinkSchema,
  roadmapSchema,
  roadmapStatusChangeSchema,
} from '@carpeta/sdk/feedback';
import { useCarpeta, useFormatters, useResource, useTranslation } from '@carpeta/sdk/react';
import { useState } from 'react';
import { AdminTickets } from './AdminTickets.tsx';

interface AdminData {
  roadmap: RoadmapItem[];
  feedback: AdminFeedback[];
  accessibility: ReturnType<typeof adminAccessibilityListSchema.parse>['items'];
}

/**
 * The maintainers' page (/admin/roadmap): the roadmap's items and their status, the feedback
 * received (each can be linked to an item: the public roadmap counts the links) and the
 * accessibility requests with their legal answer date, overdue ones flagged, and the incidents filed
 * through Ada, each answered here (AdminTickets). The gateway answers
 * 403 to a citizen: the page then says it is not for them.
 */
export function Admin() {
  const { api } = useCarpeta();
  const { t, language } = useTranslation();
  const { date, dateTime } = useFormatters();
  const [version, setVersion] = useState(0);
  const [data, reload] = useResource(`admin-${version}`, async (signal): Promise<AdminData> => {
    const [feedback, accessibility, roadmap] = await Promise.all([
      api.get('/admin/feedback', adminFeedbackListSchema, { signal }),
      api.get('/admin/accessibility', adminAccessibilityListSchema, { signal }),
      api.get('/roadmap', roadmapSchema, { signal }),
    ]);
    return { roadmap: roadmap.items, feedback: feedback.items, accessibility: accessibility.items };
  });
  const [statuses, setStatuses] = useState<Record<string, RoadmapStatus>>({});
  const [links, setLinks] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  if (data.state === 'error' && (data.error.status === 403 || data.error.code === 'forbidden')) {
    return (
      <div className="cp-stack" data-testid="admin-forbidden">
        <h1 className="cp-heading-xl">{t('admin.forbiddenTitle')}</h1>
        <p>{t('admin.forbiddenBody')}</p>
      </div>
    );
  }

  async function act(write: () => Promise<unknown>, done: string) {
    setBusy(true);
    setNotice(null);
    try {
      await write();
      setNotice({ ok: true, text: done });
      setVersion((value) => value + 1);
    } catch {
      setNotice({ ok: false, text: t('admin.actionError') });
    } finally {
      setBusy(false);
    }
  }

  const titleOf = (items: RoadmapItem[], id: string) => {
    const item = items.find((candidate) => candidate.id === id);
    return item ? localize(item.title, language) : id;
  };

  return (
    <div className="cp-stack">
      <h1 className="cp-heading-xl">{t('admin.title')}</h1>
      {notice && (
        <Alert
          variant={notice.ok ? 'success' : 'error'}
          title={notice.text}
          headingLevel={2}
          live
          data-testid="admin-notice"
        />
      )}
      {data.state === 'loading' && <Spinner label={t('common.loading')} />}
      {data.state === 'error' && (
        <Alert
          variant="error"
          title={t('admin.error')}
          headingLevel={2}
          live
          actions={
            <Button variant="secondary" onClick={reload}>
              {t('common.retry')}
            </Button>
          }
        />
      )}
      {data.state === 'ready' && (
        <>
          <section aria-labelledby="admin-roadmap" className="cp-stack">
            <h2 id="admin-roadmap" className="cp-heading-l">
              {t('admin.roadmapTitle')}
            </h2>
            <Table
              caption={t('admin.roadmapTitle')}
              captionHidden
              responsive="stack"
              rowKey={(item) => item.id}
              rows={data.data.roadmap}
              columns={[
                {
                  key: 'title',
                  header: t('admin.item'),
                  rowHeader: true,
                  render: (item) => localize(item.title, language),
                },
                {
                  key: 'status',
                  header: t('admin.status'),
                  render: (item) => {
                    const title = localize(item.title, language);
                    const chosen = statuses[item.id] ?? item.status;
                    return (
                      <form
                        className="cp-stack"
                        data-status-form={item.id}
                        onSubmit={(event) => {
                          event.preventDefault();
                          void act(
                            () =>
                              api.put(
                                `/admin/roadmap/${encodeURIComponent(item.id)}/status`,
                                { status: chosen },
                                {
                                  bodySchema: roadmapStatusChangeSchema,
                                  idempotencyKey: newIdempotencyKey(),
                                },
                              ),
                            t('admin.statusSaved', { title, status: t(`roadmap.statuses.${chosen}`) }),
                          );
                        }}
                      >
                        <Select
                          id={`status-${item.id}`}
                          label={t('admin.statusOf', { title })}
                          options={ROADMAP_STATUSES.map((status) => ({
                            value: status,
                            label: t(`roadmap.statuses.${status}`),
                          }))}
                          value={chosen}
                          onChange={(event) => {
                            const value = event.currentTarget.value;
                            const status = ROADMAP_STATUSES.find((candidate) => candidate === value);
                            if (status) setStatuses((current) => ({ ...current, [item.id]: status }));
                          }}
                        />
                        <Button
                          type="submit"
                          variant="secondary"
                          disabled={busy}
                          aria-label={t('admin.saveStatusOf', { title })}
                        >
                          {t('admin.saveStatus')}
                        </Button>
                      </form>
                    );
                  },
                },
                {
                  key: 'comments',
                  header: t('admin.comments'),
                  align: 'end',
                  render: (item) => String(item.comments),
                },
              ]}
            />
          </section>

          <section aria-labelledby="admin-feedback" className="cp-stack">
            <h2 id="admin-feedback" className="cp-heading-l">
              {t('admin.feedbackTitle')}
            </h2>
            {data.data.feedback.length === 0 ? (
              <p>{t('admin.noFeedback')}</p>
            ) : (
              <ul className="cp-list-plain cp-stack">
                {data.data.feedback.map((feedback) => {
                  const chosen = links[feedback.id] ?? '';
                  return (
                    <li key={feedback.id} data-feedback={feedback.reference}>
                      <h3 className="cp-heading-s">
                        {feedback.reference} · {t(`admin.kinds.${feedback.kind}`)}
                      </h3>
                      <p>
                        {ratingLabel(t, feedback)} ·{' '}
                        {t('admin.receivedAt', { date: dateTime(feedback.receivedAt) })}
                      </p>
                      {feedback.message && <p>{feedback.message}</p>}
                      <p>
                        {feedback.items.length > 0
                          ? t('admin.linkedTo', {
                              items: feedback.items.map((id) => titleOf(data.data.roadmap, id)).join(', '),
                            })
                          : t('admin.notLinked')}
                      </p>
                      <form
                        className="cp-stack"
                        onSubmit={(event) => {
                          event.preventDefault();
                          if (!chosen) return;
                          void act(
                            () =>
                              api.post(
                                `/admin/roadmap/${encodeURIComponent(chosen)}/links`,
                                { feedbackId: feedback.id },
                                { bodySchema: roadmapLinkSchema, idempotencyKey: newIdempotencyKey() },
                              ),
                            t('admin.linked', {
                              reference: feedback.reference,
                              title: titleOf(data.data.roadmap, chosen),
                            }),
                          );
                        }}
                      >
                        <Select
                          id={`link-${feedback.id}`}
                          label={t('admin.linkTo', { reference: feedback.reference })}
                          placeholder={t('admin.chooseItem')}
                          options={data.data.roadmap.map((item) => ({
                            value: item.id,
                            label: localize(item.title, language),
                          }))}
                          value={chosen}
                          onChange={(event) => {
                            const value = event.currentTarget.value;
                            setLinks((current) => ({ ...current, [feedback.id]: value }));
                          }}
                        />
                        <Button
                          type="submit"
                          variant="secondary"
                          disabled={busy || !chosen}
                          aria-label={t('admin.linkOf', { reference: feedback.reference })}
                        >
                          {t('admin.link')}
                        </Button>
                      </form>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>

          <section aria-labelledby="admin-accessibility" className="cp-stack">
            <h2 id="admin-accessibility" className="cp-heading-l">
              {t('admin.accessibilityTitle')}
            </h2>
            {data.data.accessibility.length === 0 ? (
              <p>{t('admin.noAccessibility')}</p>
            ) : (
              <Table
                caption={t('admin.accessibilityTitle')}
                captionHidden
                responsive="stack"
                rowKey={(request) => request.reference}
                rows={data.data.accessibility}
                columns={[
                  { key: 'reference', header: t('admin.reference'), rowHeader: true },
                  { key: 'page', header: t('admin.page') },
                  { key: 'problem', header: t('admin.problem') },
                  {
                    key: 'email',
                    header: t('admin.contact'),
                    render: (request) => request.email ?? t('admin.noContact'),
                  },
                  {
                    key: 'answerBy',
                    header: t('admin.answerBy'),
                    render: (request) => (
                      <>
                        {date(request.answerBy)}{' '}
                        {request.answeredAt ? (
                          <Tag tone="success">{t('admin.answered')}</Tag>
                        ) : request.overdue ? (
                          <Tag tone="error">{t('admin.overdue')}</Tag>
                        ) : (
                          <Tag tone="info">{t('admin.inTime')}</Tag>
                        )}
                      </>
                    ),
                  },
                  {
                    key: 'action',
                    header: t('admin.action'),
                    render: (request) =>
                      request.answeredAt ? null : (
                        <Button
                          variant="secondary"
                          disabled={busy}
                          aria-label={t('admin.markAnsweredOf', { reference: request.reference })}
                          onClick={() =>
                            void act(
                              () =>
                                api.post(
                                  `/admin/accessibility/${encodeURIComponent(request.reference)}/answered`,
                                  {},
                                  {
                                    bodySchema: accessibilityAnsweredSchema,
                                    idempotencyKey: newIdempotencyKey(),
                                  },
                                ),
                              t('admin.answeredSaved', { reference: request.reference }),
                            )
                          }
                        >
                          {t('admin.markAnswered')}
                        </Button>
                      ),
                  },
                ]}
              />
            )}
          </section>

          <AdminTickets />
        </>
      )}
    </div>
  );
}

function ratingLabel(t: (key: string) => string, feedback: AdminFeedback): string {
  switch (feedback.kind) {
    case 'general':
      return t(`general.options.${feedback.rating}`);
    case 'sign-in':
      return `${t(`signIn.methods.${feedback.method ?? 'other'}`)}: ${t(`signIn.outcomes.${feedback.rating}`)}`;
    case 'flow':
      return `${t(`flow.flows.${feedback.flow ?? 'other'}`)}: ${t(
        feedback.rating === 'helpful' ? 'admin.helpful' : 'admin.notHelpful',
      )}`;
  }
}
