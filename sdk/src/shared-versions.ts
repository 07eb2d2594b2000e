/**
 * A federation runtime instance's shared modules, as `instance.options.shared` holds them (the
 * shape of `@module-federation/runtime`'s `ShareInfos`, kept to what is read here).
 */
export type SharedInfos = Record<
  string,
  readonly { version?: string; shareConfig?: { requiredVersion?: string | false; strictVersion?: boolean } }[]
>;

/**
 * Why a remote must be refused, or `undefined`: it requires, with `strictVersion`, a version of a
 * shared module that the host's copy does not satisfy, e.g. `@carpeta/sdk` `^2.0.0` where the portal
 * provides 1.x. The federation plugin hands every remote the host's loaded singleton without
 * comparing versions, so the host compares them itself (the shell before mounting, CARPETA-E102;
 * the conformance kit as it loads). `satisfies` is the runtime's semver check (`satisfy`).
 */
export function incompatibleShare(
  host: SharedInfos | undefined,
  remote: SharedInfos | undefined,
  satisfies: (version: string, range: string) => boolean,
): string | undefined {
  for (const [name, versions] of Object.entries(remote ?? {})) {
    const provided = host?.[name]?.[0]?.version;
    for (const { shareConfig } of versions) {
      const required = shareConfig?.requiredVersion;
      if (
        provided &&
        shareConfig?.strictVersion &&
        typeof required === 'string' &&
        !satisfies(provided, required)
      )
        return `was built against ${name} ${required}; this portal provides ${provided}`;
    }
  }
  return undefined;
}
