import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import { LanguageSelector } from './LanguageSelector.tsx';

const languages = [
  { code: 'es', name: 'Español' },
  { code: 'ca', name: 'Català' },
  { code: 'gl', name: 'Galego' },
  { code: 'eu', name: 'Euskara' },
  { code: 'va', lang: 'ca-ES-valencia', name: 'Valencià' },
  { code: 'en', name: 'English' },
];

const meta = {
  title: 'Components/LanguageSelector',
  component: LanguageSelector,
  args: { label: 'Idioma', languages, current: 'es', onChange: fn() },
  parameters: { layout: 'centered' },
  decorators: [
    (Story) => (
      <div style={{ minHeight: '22rem', display: 'flex', justifyContent: 'flex-end', width: '20rem' }}>
        <Story />
      </div>
    ),
  ],
  render: function Render(args) {
    const [current, setCurrent] = useState(args.current);
    return (
      <LanguageSelector
        {...args}
        current={current}
        onChange={(code) => {
          setCurrent(code);
          args.onChange(code);
        }}
      />
    );
  },
} satisfies Meta<typeof LanguageSelector>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ args, canvas }) => {
    const toggle = canvas.getByRole('button', { name: 'Idioma: Español' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await userEvent.keyboard('{ArrowDown}');
    await expect(canvas.getByRole('button', { name: 'Español' })).toHaveFocus();
    await expect(canvas.getByRole('button', { name: 'Español' })).toHaveAttribute('aria-current', 'true');
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    const euskara = canvas.getByRole('button', { name: 'Euskara' });
    await expect(euskara).toHaveFocus();
    await expect(euskara).toHaveAttribute('lang', 'eu');
    await userEvent.keyboard('{Enter}');
    await expect(args.onChange).toHaveBeenCalledWith('eu');
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Idioma: Euskara' })).toHaveFocus());
    await expect(canvas.getByRole('button', { name: 'Idioma: Euskara' })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
  },
};

export const EscapeCloses: Story = {
  play: async ({ canvas }) => {
    const toggle = canvas.getByRole('button', { name: 'Idioma: Español' });
    await userEvent.click(toggle);
    await userEvent.tab();
    await expect(canvas.getByRole('button', { name: 'Español' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(toggle).toHaveFocus();
  },
};

export const AsLinks: Story = {
  name: 'As links (hreflang)',
  args: { hrefFor: (code: string) => `/${code}/` },
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Idioma: Español' }));
    const english = canvas.getByRole('link', { name: 'English' });
    await expect(english).toHaveAttribute('hreflang', 'en');
    await expect(english).toHaveAttribute('href', '/en/');
    const valencian = canvas.getByRole('link', { name: 'Valencià' });
    await expect(valencian).toHaveAttribute('lang', 'ca-ES-valencia');
    await expect(valencian).toHaveAttribute('hreflang', 'ca-ES-valencia');
  },
};
