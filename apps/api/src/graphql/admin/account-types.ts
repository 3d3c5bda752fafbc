import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'Who the caller is, as the API authenticated it.' })
export class UserInfo {
  @Field(() => String)
  name!: string;

  @Field(() => [String], { description: 'Its groups, as RBAC bindings name them (`system:masters` for cluster admins).' })
  groups!: string[];
}

@ObjectType({ description: 'A user account: logs in to the dashboard, holds tokens, gets rights through RBAC bindings.' })
export class User {
  @Field(() => String)
  name!: string;

  @Field(() => [String])
  groups!: string[];

  @Field(() => String, { description: 'RFC 3339.' })
  createdAt!: string;

  @Field(() => String, { nullable: true, description: 'Set while the account is locked after wrong passwords (RFC 3339).' })
  lockedUntil?: string;
}

@ObjectType({ description: 'A bearer token as its owner may see it: never the token itself.' })
export class Token {
  @Field(() => String, { description: 'What revokeToken takes.' })
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'The user it authenticates as.' })
  user!: string;

  @Field(() => String)
  createdAt!: string;

  @Field(() => String, { nullable: true })
  expiresAt?: string;

  @Field(() => String, { nullable: true, description: 'Written at most once a minute.' })
  lastUsedAt?: string;

  @Field(() => String, { nullable: true })
  revokedAt?: string;
}

@ObjectType({ description: 'A new token: `token` is in this answer only (only its SHA-256 is stored).' })
export class IssuedToken {
  @Field(() => String)
  token!: string;

  @Field(() => Token)
  info!: Token;
}
