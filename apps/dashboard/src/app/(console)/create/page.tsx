import { CreateFromYaml } from '@/components/yaml/create-from-yaml';

/** `/create/`: objects from a pasted or uploaded manifest. */
export default function Page() {
  return <CreateFromYaml />;
}
