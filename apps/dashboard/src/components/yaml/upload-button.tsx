'use client';
import { useRef } from 'react';
import { Button } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';

/** Picks a .yaml, .yml or .json file and hands over its text (a real button, so the keyboard opens it too). */
export function UploadButton({ onText }: { onText(text: string): void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button variant="outlined" startIcon={<UploadFileIcon />} onClick={() => input.current?.click()}>
        Upload file
      </Button>
      <input
        ref={input}
        hidden
        type="file"
        accept=".yaml,.yml,.json"
        aria-label="Upload file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void file.text().then(onText);
        }}
      />
    </>
  );
}
