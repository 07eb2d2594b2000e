import { Alert, Button, SummaryList, Tag, Textarea } from '@carpeta/design-system';
import { newIdempotencyKey } from '@carpeta/sdk';
import {
  type AdminTicket,
  adminTicketListSchema,
  adminTicketSchema,
  ticketAnswerRequestSchema,
} from '@carpeta/sdk/assistant';
import { useCarpeta, useFormatters, useResource, useTranslation } from '@carpeta/sdk/react';
import { useState } from 'react';

const ANSWER_MAX = 4000;

/**
 * The incidents citizens filed through Ada, for the maintainers (a section of /admin/roadmap): the
 * unanswered first, oldest first, each with what the citizen tried and saw (never who they are), and
 * a form to answer it once. The answer is what the citizen reads with the ticket; a citizen who asked
 * for "ticket answered" alerts gets one through their channels.
 */
export function AdminTickets() {
  const { api } = useCarpeta();
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const [version, setVersion] = useState(0);
  const [tickets, reload] = useResource(`admin-tickets-${version}`, (signal) =>
    api.get('/admin/tickets', adminTicketListSchema, { signal }),
  );
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  // One key per answer being written: sending it twice (a double click, a retry) answers once.
  const [keys, setKeys] = useState<Record<string, string>>({});

  async function answer(ticket: AdminTicket) {
    const text = (answers[ticket.reference] ?? '').trim();
    if (!text) {
      setErrors((current) => ({ ...current, [ticket.reference]: t('admin.tickets.answerMissing') }));
      return;
    }
    setErrors((current) => ({ ...current, [ticket.reference]: '' }));
    const idempotencyKey = keys[ticket.reference] ?? newIdempotencyKey();
    setKeys((current) => ({ ...current, [ticket.reference]: idempotencyKey }));
    setBusy(ticket.reference);
    setNotice(null);
    try {
      await api.post(
        `/admin/tickets/${encodeURIComponent(ticket.reference)}/answer`,
        { answer: text },
        { bodySchema: ticketAnswerRequestSchema, schema: adminTicketSchema, idempotencyKey },
      );
      setNotice({ ok: true, text: t('admin.tickets.answered', { reference: ticket.reference }) });
      setVersion((value) => value + 1);
    } catch (error) {
      const conflict = (error as { status?: number }).status === 409;
      setNotice({
        ok: false,
        text: conflict
          ? t('admin.tickets.alreadyAnswered', { reference: ticket.reference })
          : t('admin.actionError'),
      });
      if (conflict) setVersion((value) => value + 1);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-labelledby="admin-tickets" className="cp-stack" data-testid="admin-tickets">
      <h2 id="admin-tickets" className="cp-heading-l">
        {t('admin.tickets.title')}
      </h2>
      {notice && (
        <Alert
          variant={notice.ok ? 'success' : 'error'}
          title={notice.text}
          headingLevel={3}
          live
          data-testid="admin-tickets-notice"
        />
      )}
      {tickets.state === 'error' && (
        <Alert
          variant="error"
          title={t('admin.error')}
          headingLevel={3}
          live
          actions={
            <Button variant="secondary" onClick={reload}>
              {t('common.retry')}
            </Button>
          }
        />
      )}
      {tickets.state === 'loading' && <p role="status">{t('common.loading')}</p>}
      {tickets.state === 'ready' && tickets.data.items.length === 0 && <p>{t('admin.tickets.none')}</p>}
      {tickets.state === 'ready' && tickets.data.items.length > 0 && (
        <ul className="cp-list-plain cp-stack">
          {tickets.data.items.map((ticket) => (
            <li key={ticket.reference} className="cp-stack" data-ticket={ticket.reference}>
              <h3 className="cp-heading-s">
                {ticket.reference} · {t(`admin.tickets.categories.${ticket.category}`)}{' '}
                {ticket.answer === null ? (
                  <Tag tone="info">{t('admin.tickets.unanswered')}</Tag>
                ) : (
                  <Tag tone="success">{t('admin.tickets.answeredTag')}</Tag>
                )}
              </h3>
              <SummaryList
                rows={[
                  { key: t('admin.tickets.filed'), value: dateTime(ticket.createdAt) },
                  { key: t('admin.tickets.administration'), value: ticket.administration },
                  { key: t('admin.tickets.tried'), value: ticket.tried },
                  { key: t('admin.tickets.errorSeen'), value: ticket.errorSeen },
                  ...(ticket.answer === null
                    ? []
                    : [
                        { key: t('admin.tickets.answer'), value: ticket.answer },
                        {
                          key: t('admin.tickets.answeredAt'),
                          value: ticket.answeredAt ? dateTime(ticket.answeredAt) : '',
                        },
                      ]),
                ]}
              />
              {ticket.answer === null && (
                <form
                  className="cp-stack"
                  noValidate
                  onSubmit={(event) => {
                    event.preventDefault();
                    void answer(ticket);
                  }}
                >
                  <Textarea
                    id={`answer-${ticket.reference}`}
                    name="answer"
                    label={t('admin.tickets.answerTo', { reference: ticket.reference })}
                    hint={t('admin.tickets.answerHint')}
                    maxLength={ANSWER_MAX}
                    countMessage={(count) => t('common.charactersLeft', { count })}
                    value={answers[ticket.reference] ?? ''}
                    onChange={(event) => {
                      const value = event.currentTarget.value;
                      setAnswers((current) => ({ ...current, [ticket.reference]: value }));
                      setKeys((current) => {
                        const { [ticket.reference]: _dropped, ...rest } = current;
                        return rest;
                      });
                    }}
                    error={errors[ticket.reference] || undefined}
                  />
                  <Button type="submit" variant="secondary" disabled={busy !== null}>
                    {busy === ticket.reference ? t('common.sending') : t('admin.tickets.send')}
                  </Button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
