import type { SourceStatus } from '@carpeta/sdk';
import {
  type Council,
  type CensusCertificateIssued,
  censusCertificateIssuedSchema,
  censusCertificateRequestSchema,
  type MunicipalCensus,
  type MunicipalTaxes,
  municipalCensusSchema,
  municipalTaxesSchema,
  type Residence,
} from '@carpeta/sdk/municipal';
import type { FastifyInstance } from 'fastify';
import {
  auditWrite,
  citizenOf,
  failureReasonOf,
  sendSourceFailure,
  sourceFailureAnswer,
  splitPortalId,
} from '../agencies/answers.ts';
import { type Folder, isSourceFailure } from '../agencies/fan-out.ts';
import type { MunicipalCapability, SourceConnector } from '../connectors/types.ts';
import type { PortalDatabase } from '../db/index.ts';
import { sendError } from '../errors.ts';
import { errorAnswer, idempotentWrite } from './idempotent.ts';

const NO_CERTIFICATE = 'That certificate does not exist.';

/** Where the citizen lives and which council of the portal serves them there. */
interface Whereabouts {
  residence: Residence | null;
  council: { source: SourceConnector; municipal: MunicipalCapability; summary: Council } | null;
  /** How the census (residence) source answered; absent when none is configured. */
  sources: SourceStatus[];
  /** Set when the residence could not be read at all. */
  failed?: SourceStatus;
}

/**
 * A city council's own services, from the council where the census says the citizen (or the person
 * they act for) lives: GET /api/municipal/taxes, GET /api/municipal/census-certificate (the
 * registration and the certificates issued), POST /api/municipal/census-certificate (a new one,
 * idempotent), GET /api/municipal/census-certificate/:id.pdf. The council is never a parameter.
 */
export function registerMunicipalRoutes(
  app: FastifyInstance,
  options: { folder: Folder; database: PortalDatabase; now: () => Date },
): void {
  const { folder } = options;

  async function whereabouts(citizenId: string): Promise<Whereabouts> {
    // The same census lookup the per-citizen manifest uses (the source serving `residence`).
    const census = folder.sources.find((source) => source.residence !== undefined);
    const residenceOf = census?.residence;
    if (!census || !residenceOf) return { residence: null, council: null, sources: [] };
    const result = await folder.guard(census, () => residenceOf.residence(citizenId));
    if (isSourceFailure(result))
      return { residence: null, council: null, sources: [], failed: result.status };
    if (!result.ok) {
      if (result.reason === 'not-found') return { residence: null, council: null, sources: [result.status] };
      return { residence: null, council: null, sources: [], failed: result.status };
    }
    const found = result.item;
    const residence: Residence = {
      ine: found.municipality,
      municipality: found.municipalityName || found.municipality,
      province: found.provinceName,
    };
    const source = folder.sources.find((candidate) => candidate.municipal?.ine === residence.ine);
    const municipal = source?.municipal;
    return {
      residence,
      council:
        source && municipal
          ? {
              source,
              municipal,
              summary: { source: source.id, name: source.name, dir3: source.dir3, ine: municipal.ine },
            }
          : null,
      sources: [result.status],
    };
  }

  const statuses = (where: Whereabouts, ...more: SourceStatus[]) => [
    ...(where.failed ? [where.failed] : where.sources),
    ...more,
  ];

  app.get('/api/municipal/taxes', async (request, reply) => {
    const citizenId = citizenOf(request);
    const where = await whereabouts(citizenId);
    let body: MunicipalTaxes;
    if (!where.council) {
      body = { residence: where.residence, council: null, items: [], sources: statuses(where) };
    } else {
      const { source, municipal, summary } = where.council;
      const result = await folder.guard(source, () => municipal.taxes(citizenId));
      const list = isSourceFailure(result) ? { items: [], status: result.status } : result;
      body = {
        residence: where.residence,
        council: summary,
        items: list.items,
        sources: statuses(where, list.status),
      };
    }
    return reply.header('cache-control', 'no-store').send(municipalTaxesSchema.parse(body));
  });

  app.get('/api/municipal/census-certificate', async (request, reply) => {
    const citizenId = citizenOf(request);
    const where = await whereabouts(citizenId);
    let body: MunicipalCensus;
    if (!where.council) {
      body = {
        residence: where.residence,
        council: null,
        registration: null,
        certificates: [],
        sources: statuses(where),
      };
    } else {
      const { source, municipal, summary } = where.council;
      const [registration, certificates] = await Promise.all([
        folder.guard(source, () => municipal.census(citizenId)),
        folder.guard(source, () => municipal.certificates(citizenId)),
      ]);
      const registrationStatus = registration.status;
      const certificatesStatus = isSourceFailure(certificates) ? certificates.status : certificates.status;
      // One status for the council: the first that is not ok, if any.
      const councilStatus = registrationStatus.status !== 'ok' ? registrationStatus : certificatesStatus;
      body = {
        residence: where.residence,
        council: summary,
        registration: !isSourceFailure(registration) && registration.ok ? registration.item : null,
        certificates: isSourceFailure(certificates) ? [] : certificates.items,
        sources: statuses(where, councilStatus),
      };
    }
    return reply.header('cache-control', 'no-store').send(municipalCensusSchema.parse(body));
  });

  app.post('/api/municipal/census-certificate', async (request, reply) => {
    const parsed = censusCertificateRequestSchema.safeParse(request.body);
    if (!parsed.success) {
      return sendError(
        reply,
        400,
        'bad-request',
        'Say which certificate you need: kind (individual or household) and purpose (residence, school, benefits or immigration).',
      );
    }
    const citizenId = citizenOf(request);
    return idempotentWrite(
      request,
      reply,
      { database: options.database, operation: 'census-certificate', now: options.now },
      async () => {
        const where = await whereabouts(citizenId);
        if (where.failed) {
          return sourceFailureAnswer(
            request,
            failureReasonOf(where.failed.status),
            where.failed,
            'Your residence is not known.',
          );
        }
        if (!where.council) {
          return errorAnswer(
            request,
            404,
            'not-found',
            where.residence
              ? 'The council where you are registered does not offer this service in the portal yet.'
              : 'The census has no residence for you.',
          );
        }
        const { source, municipal } = where.council;
        const result = await folder.guard(source, () => municipal.requestCertificate(citizenId, parsed.data));
        if (isSourceFailure(result)) {
          return sourceFailureAnswer(
            request,
            failureReasonOf(result.status.status),
            result.status,
            'You are not registered in this council’s census.',
          );
        }
        if (!result.ok) {
          if (result.reason === 'conflict') {
            return errorAnswer(request, 409, 'conflict', result.message, source.id);
          }
          return sourceFailureAnswer(
            request,
            result.reason,
            result.status,
            'You are not registered in this council’s census.',
          );
        }
        await auditWrite(options.database, request, options.now(), 'census-certificate-requested', {
          certificate: result.item.id,
          kind: result.item.kind,
          purpose: result.item.purpose,
        });
        const body: CensusCertificateIssued = censusCertificateIssuedSchema.parse({
          certificate: result.item,
          source: result.status,
        });
        return { status: 201, body };
      },
    );
  });

  app.get<{ Params: { id: string } }>('/api/municipal/census-certificate/:id.pdf', async (request, reply) => {
    const id = splitPortalId(request.params.id);
    if (!id) return sendError(reply, 400, 'bad-request', 'That is not a valid certificate id.');
    const source = folder.source(id.sourceId);
    const municipal = source?.municipal;
    if (!source || !municipal) return sendError(reply, 404, 'not-found', NO_CERTIFICATE);
    const citizenId = citizenOf(request);
    // The platform answers only this citizen's certificates: another person's is a 404.
    const result = await folder.guard(source, () => municipal.certificateDocument(citizenId, id.agencyId));
    if (isSourceFailure(result)) {
      return sendSourceFailure(reply, failureReasonOf(result.status.status), result.status, NO_CERTIFICATE);
    }
    if (!result.ok) return sendSourceFailure(reply, result.reason, result.status, NO_CERTIFICATE);
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="${id.agencyId}.pdf"`)
      .type('application/pdf')
      .send(Buffer.from(result.bytes));
  });
}
