/** Argument options the resolvers share: string arguments, and the kind/namespace/name that address an object. */
export const str = (description: string) => ({ type: () => String, description });
export const optionalStr = (description: string) => ({ type: () => String, nullable: true, description });

export const KIND = str('The kind, as kubectl names it: `Deployment`, `deployments`, `deploy`.');
export const NAMESPACE = optionalStr('The namespace; `default` when left out (ignored for cluster-scoped kinds).');
export const NAME = str('The object’s name.');

/** GraphQL gives a left-out argument as null; the services take undefined. */
export const orUndefined = <T>(v: T | null | undefined): T | undefined => v ?? undefined;
