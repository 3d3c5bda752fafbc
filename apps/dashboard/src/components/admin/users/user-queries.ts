/** The accounts operations of the GraphQL API (docs/graphql.md, administration). */
export interface UserAccount {
  name: string;
  groups: string[];
  createdAt: string;
  lockedUntil?: string | null;
}

export const USERS = `query Users { users { name groups createdAt lockedUntil } }`;
export const CREATE_USER = `mutation CreateUser($name: String!, $password: String!, $groups: [String!]) { createUser(name: $name, password: $password, groups: $groups) { name } }`;
export const DELETE_USER = `mutation DeleteUser($name: String!) { deleteUser(name: $name) }`;
export const SET_PASSWORD = `mutation SetPassword($name: String!, $password: String!) { setPassword(name: $name, password: $password) }`;
