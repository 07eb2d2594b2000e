import type { ReactNode } from 'react';
import { contrastRatio } from '../tokens/contrast.ts';
import { colorVar } from '../tokens/css.ts';
import type { ThemeName } from '../tokens/tokens.ts';
import { colors, contrastPairs, fontSize, motion, radius, space, themeNames } from '../tokens/tokens.ts';

const cell = {
  padding: '0.25rem 0.5rem',
  borderBottom: '1px solid var(--cp-color-border)',
  textAlign: 'start',
} as const;

function SimpleTable({ caption, head, children }: { caption: string; head: string[]; children: ReactNode }) {
  return (
    <div style={{ overflowX: 'auto' }}>
      <table style={{ borderCollapse: 'collapse', width: '100%', fontSize: '0.875rem' }}>
        <caption style={{ textAlign: 'start', fontWeight: 700, marginBottom: '0.5rem' }}>{caption}</caption>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col" style={cell}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

const Swatch = ({ color }: { color: string }) => (
  <span
    aria-hidden="true"
    style={{
      display: 'inline-block',
      width: '1.5rem',
      height: '1.5rem',
      background: color,
      border: '1px solid #767676',
      verticalAlign: 'middle',
    }}
  />
);

/** Every colour role with its CSS variable and its value in each theme. */
export function ColorTokens() {
  return (
    <SimpleTable caption="Colour roles" head={['Role', 'CSS custom property', ...themeNames]}>
      {Object.keys(colors.light).map((role) => (
        <tr key={role}>
          <th scope="row" style={cell}>
            {role}
          </th>
          <td style={cell}>
            <code>{colorVar(role)}</code>
          </td>
          {themeNames.map((t) => {
            const value = colors[t][role as keyof (typeof colors)['light']];
            return (
              <td key={t} style={cell}>
                <Swatch color={value} /> <code>{value}</code>
              </td>
            );
          })}
        </tr>
      ))}
    </SimpleTable>
  );
}

/** The contrast matrix checked by the unit test (`src/tokens/tokens.test.ts`). */
export function ContrastMatrix({ theme }: { theme: ThemeName }) {
  return (
    <SimpleTable
      caption={`Contrast of used pairs — ${theme}`}
      head={['Foreground', 'Background', 'Ratio', 'Minimum', 'Usage']}
    >
      {contrastPairs.map((p) => {
        const ratio = contrastRatio(colors[theme][p.fg], colors[theme][p.bg]);
        return (
          <tr key={`${p.fg}-${p.bg}-${p.usage}`}>
            <td style={cell}>{p.fg}</td>
            <td style={cell}>{p.bg}</td>
            <td style={cell}>
              <span
                style={{
                  display: 'inline-block',
                  padding: '0 0.5rem',
                  background: colors[theme][p.bg],
                  color: colors[theme][p.fg],
                  border: '1px solid #767676',
                }}
                aria-hidden="true"
              >
                Aa
              </span>{' '}
              {ratio.toFixed(2)}:1
            </td>
            <td style={cell}>{p.min}:1</td>
            <td style={cell}>{p.usage}</td>
          </tr>
        );
      })}
    </SimpleTable>
  );
}

export function ScaleTokens() {
  const rows: Array<[string, Record<string, string>]> = [
    ['space', space],
    ['font-size', fontSize],
    ['radius', radius],
    ['motion', motion],
  ];
  return (
    <SimpleTable caption="Scales" head={['Group', 'Token', 'Value']}>
      {rows.flatMap(([group, values]) =>
        Object.entries(values).map(([k, v]) => (
          <tr key={`${group}-${k}`}>
            <td style={cell}>{group}</td>
            <td style={cell}>
              <code>{`--cp-${group}-${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`}</code>
            </td>
            <td style={cell}>
              <code>{v}</code>
            </td>
          </tr>
        )),
      )}
    </SimpleTable>
  );
}
