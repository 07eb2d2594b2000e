import type { Migration } from 'kysely/migration';
import * as auth from './0001_auth.ts';
import * as notificationActs from './0002_notification_acts.ts';
import * as folderPins from './0003_folder_pins.ts';
import * as myData from './0004_my_data.ts';
import * as registrySubmissions from './0005_registry_submissions.ts';
import * as assistant from './0006_assistant.ts';
import * as feedback from './0007_feedback.ts';
import * as alerts from './0008_alerts.ts';
import * as push from './0009_push.ts';
import * as ticketAnswers from './0010_ticket_answers.ts';
import * as ticketAnswerIndex from './0011_ticket_answer_index.ts';

/**
 * Every migration, in order. Kysely's Migrator applies them by name (sorted), each once, recorded in
 * the `kysely_migration` table. A migration on main is never edited: add the next one here. One
 * that arrives with a lower number than one a database already ran still runs (unordered migrations
 * are allowed: branches number theirs side by side).
 */
export const migrations: Readonly<Record<string, Migration>> = {
  '0001_auth': auth,
  '0002_notification_acts': notificationActs,
  '0003_folder_pins': folderPins,
  '0004_my_data': myData,
  '0005_registry_submissions': registrySubmissions,
  '0006_assistant': assistant,
  '0007_feedback': feedback,
  '0008_alerts': alerts,
  '0009_push': push,
  '0010_ticket_answers': ticketAnswers,
  '0011_ticket_answer_index': ticketAnswerIndex,
};
