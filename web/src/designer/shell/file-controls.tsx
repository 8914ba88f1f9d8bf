/**
 * Two pieces the designer's import paths share: a button that opens a JSON file, and the list of
 * problems a definition has, each with its JSON pointer.
 */
import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Typography } from 'antd';
import { useRef } from 'react';

/** A button that lets the designer pick one JSON file and hands it to `onFile`. */
export function ImportJsonButton({ label, testId, onFile }: { label: string; testId: string; onFile(file: File): void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button icon={<UploadOutlined aria-hidden />} onClick={() => input.current?.click()}>{label}</Button>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        aria-label={label}
        data-testid={testId}
        style={{ display: 'none' }}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}

/** An error box listing problems by pointer; nothing when there are none. */
export function ProblemsAlert({ title, problems, testId, onClose }: {
  title: string;
  problems: readonly { pointer: string; message: string }[];
  testId: string;
  onClose?: () => void;
}) {
  if (problems.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      closable={onClose !== undefined}
      onClose={onClose}
      data-testid={testId}
      title={title}
      description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{problems.map((p, i) => <li key={i}><Typography.Text code>{p.pointer || '/'}</Typography.Text> {p.message}</li>)}</ul>}
    />
  );
}
