/** GraphQL inputs of accounts and tokens. Lengths are bounded here and again in the services. */
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'Credentials for login.' })
export class LoginInput {
  @Field(() => String, { description: 'Email address (at most 254 characters).' })
  email!: string;

  @Field(() => String, { description: 'Password (at most 256 characters).' })
  password!: string;
}

@InputType({ description: 'Self-registration (only when ALLOW_USER_REGISTRATION is true).' })
export class RegisterInput {
  @Field(() => String, { description: 'Email address.' })
  email!: string;

  @Field(() => String, { description: 'Password, 12 to 256 characters.' })
  password!: string;

  @Field(() => String, { nullable: true, description: 'User name, 3 to 64 of letters, digits, ".", "_", "-" (default: from the email).' })
  username?: string | null;
}

@InputType({ description: 'A new service token for the service user.' })
export class ServiceTokenInput {
  @Field(() => Int, { nullable: true, defaultValue: 30, description: 'Lifetime in days, 1 to 3650. Default 30.' })
  days?: number | null;

  @Field(() => [String], { nullable: true, description: 'Scopes; default and only value: ["calculations"].' })
  scopes?: string[] | null;

  @Field(() => String, { nullable: true, description: 'A name to recognise the token by (at most 100 characters).' })
  name?: string | null;
}

@InputType({ description: 'Which user to act on.' })
export class UserIdInput {
  @Field(() => ID, { description: 'User id.' })
  id!: string;
}
