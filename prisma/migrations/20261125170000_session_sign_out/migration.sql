-- Where a session came from, for RP-initiated logout at an OpenID Provider: the provider, and its ID token as
-- AES-256-GCM ciphertext (sent back as id_token_hint). Deleting the provider keeps the session, forgets the link.
ALTER TABLE "sessions" ADD COLUMN "idp_id" TEXT,
    ADD COLUMN "id_token" TEXT;

ALTER TABLE "sessions" ADD CONSTRAINT "sessions_idp_id_fkey" FOREIGN KEY ("idp_id") REFERENCES "identity_providers"("id") ON DELETE SET NULL ON UPDATE CASCADE;
