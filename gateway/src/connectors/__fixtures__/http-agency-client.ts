/*
 * For the connectors' real-HTTP tests against the simulated agencies (which use the framework's
 * own client, createAgencyClient).
 */

/** Sets the simulated agency's fault mode over its control endpoint. */
export async function setFault(agencyUrl: string, body: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${agencyUrl}/__control/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 200) throw new Error(`fault control answered ${response.status}`);
}
