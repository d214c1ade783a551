-- Registered clusters. Credentials are AES-256-GCM ciphertext (apps/api/src/clusters/credential-cipher.ts);
-- the id is a slug chosen at registration and used in URLs, RBAC scopes and kubeconfigs.
CREATE TYPE "ClusterAuthType" AS ENUM ('token', 'clientCertificate', 'serviceAccount');

CREATE TABLE "clusters" (
    "id" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "server" TEXT NOT NULL,
    "ca_data" TEXT,
    "auth_type" "ClusterAuthType" NOT NULL,
    "credentials" TEXT NOT NULL,
    "insecure_skip_tls_verify" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "created_by" UUID,
    "health_state" TEXT NOT NULL DEFAULT 'unknown',
    "health_version" TEXT,
    "health_nodes" INTEGER,
    "health_ready_nodes" INTEGER,
    "health_latency_ms" INTEGER,
    "health_error" TEXT,
    "health_checked_at" TIMESTAMPTZ(3),
    CONSTRAINT "clusters_pkey" PRIMARY KEY ("id")
);
