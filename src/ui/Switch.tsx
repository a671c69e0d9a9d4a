import type { ComponentChildren } from 'preact';

interface SwitchProps {
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
  children: ComponentChildren;
  /** Extra attributes for the input, e.g. data-category. */
  attrs?: Record<string, string>;
}

/** A labelled on/off switch: a real checkbox (so keyboards and screen readers know it) drawn as a switch. */
export function Switch({ checked, disabled, onChange, children, attrs }: SwitchProps) {
  return (
    <label class={`switch-row${disabled ? ' disabled' : ''}`}>
      <span class="switch-label">{children}</span>
      <input
        type="checkbox"
        role="switch"
        checked={checked}
        aria-checked={checked}
        disabled={disabled}
        onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)}
        {...attrs}
      />
      <span class="switch" aria-hidden="true" />
    </label>
  );
}
