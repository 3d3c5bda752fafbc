import { gql } from '@/lib/api';

export interface DrainOptions {
  ignoreDaemonSets: boolean;
  deleteEmptyDirData: boolean;
  force: boolean;
}

export interface DrainResult {
  evicted: { namespace: string; name: string }[];
  warnings: string[];
}

/** The GraphQL mutations kubectl cordon, uncordon and drain correspond to. */
export const nodeMutations = {
  cordon: (node: string) => gql(`mutation($node: String!) { cordon(node: $node) }`, { node }),
  uncordon: (node: string) => gql(`mutation($node: String!) { uncordon(node: $node) }`, { node }),
  drain: async (node: string, options: DrainOptions) =>
    (
      await gql<{ drain: DrainResult }>(
        `mutation($node: String!, $force: Boolean, $ignoreDaemonSets: Boolean, $deleteEmptyDirData: Boolean) {
          drain(node: $node, force: $force, ignoreDaemonSets: $ignoreDaemonSets, deleteEmptyDirData: $deleteEmptyDirData) { evicted { namespace name } warnings }
        }`,
        { node, ...options },
      )
    ).drain,
};
