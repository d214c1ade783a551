-- Identity providers (LDAP, OIDC) managed by admins; their secrets are AES-256-GCM ciphertext. External
-- identities link a provider's stable subject (LDAP DN / OIDC sub) to a console user, so an LDAP "admin" can
-- never sign in as the local "admin".
CREATE TYPE "IdentityProviderType" AS ENUM ('ldap', 'oidc');

CREATE TABLE "identity_providers" (
    "id" TEXT NOT NULL,
    "type" "IdentityProviderType" NOT NULL,
    "display_name" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "config" JSONB NOT NULL,
    "secret" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "identity_providers_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "external_identities" (
    "provider" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "synced_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "external_identities_pkey" PRIMARY KEY ("provider", "subject")
);
CREATE INDEX "external_identities_user_id_idx" ON "external_identities"("user_id");
ALTER TABLE "external_identities" ADD CONSTRAINT "external_identities_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
