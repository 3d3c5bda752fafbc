'use client';
import { useMemo } from 'react';
import CodeMirror from '@uiw/react-codemirror';
import { yaml } from '@codemirror/lang-yaml';
import YAML from 'yaml';
import { useThemeMode } from '@/lib/theme';
import type { DetailTabProps } from './tabs';

/** The object as YAML (editing and applying come with the YAML editor). */
export function YamlTab({ object }: DetailTabProps) {
  const { mode } = useThemeMode();
  const text = useMemo(() => YAML.stringify(object), [object]);
  return <CodeMirror value={text} extensions={[yaml()]} theme={mode} editable={false} aria-label="YAML" />;
}
