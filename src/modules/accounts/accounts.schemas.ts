import { z } from 'zod';
import { roles } from '../../platform/http/permissions.ts';

export const email = z
  .string({ error: 'Enter an email address' })
  .trim()
  .min(1, 'Enter an email address')
  .max(254, 'Email address must be 254 characters or fewer')
  .pipe(z.email({ error: 'Enter an email address in the correct format, like name@example.com' }))
  .transform((value) => value.toLowerCase());

export const newPassword = z
  .string({ error: 'Enter a password' })
  .min(1, 'Enter a password')
  .min(12, 'Password must be 12 characters or more')
  .max(200, 'Password must be 200 characters or fewer');

export const personName = z
  .string({ error: 'Enter the person’s full name' })
  .trim()
  .min(1, 'Enter the person’s full name')
  .max(200, 'Full name must be 200 characters or fewer');

export const role = z.enum(roles, { error: 'Select a role' });

export const signInSchema = z.object({
  email: z.string({ error: 'Enter your email address' }).trim().min(1, 'Enter your email address'),
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password'),
});

export const addUserSchema = z.object({ email, role });

export const changeRoleSchema = z.object({ role });

export const acceptInvitationSchema = z
  .object({
    name: personName,
    password: newPassword,
    confirmPassword: z.string({ error: 'Enter the password again' }).min(1, 'Enter the password again'),
  })
  .refine((value) => !value.confirmPassword || value.password === value.confirmPassword, {
    path: ['confirmPassword'],
    message: 'Passwords must match',
  });

export const tokenSchema = z.object({
  name: z
    .string({ error: 'Enter a name for the token' })
    .trim()
    .min(1, 'Enter a name for the token')
    .max(100, 'Token name must be 100 characters or fewer'),
});

/** The command-line `users add`. */
export const newUserSchema = z.object({
  email,
  name: personName,
  password: newPassword,
  platformAdmin: z.boolean().default(false),
});
