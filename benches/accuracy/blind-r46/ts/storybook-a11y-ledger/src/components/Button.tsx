import React from 'react';

export type ButtonProps = {
  label: string;
  variant?: 'primary' | 'secondary';
  onClick?: () => void;
};

export function Button({ label, variant = 'primary', onClick }: ButtonProps) {
  return (
    <button type="button" className={`ds-button ds-button--${variant}`} onClick={onClick}>
      {label}
    </button>
  );
}
