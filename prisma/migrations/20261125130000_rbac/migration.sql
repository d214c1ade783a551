-- Console RBAC: roles (Kubernetes-shaped rules), teams, role bindings (user | team | IdP group at a scope),
-- IdP group memberships, API tokens, and a version counter that invalidates every instance's authorizer cache.
CREATE TYPE "RoleScope" AS ENUM ('global', 'cluster', 'namespace');
CREATE TYPE "SubjectKind" AS ENUM ('user', 'team', 'group');

CREATE TABLE "roles" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "scope" "RoleScope" NOT NULL,
    "built_in" BOOLEAN NOT NULL DEFAULT false,
    "rules" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "roles_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "roles_name_key" ON "roles"("name");

CREATE TABLE "teams" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "teams_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "teams_name_key" ON "teams"("name");

CREATE TABLE "team_members" (
    "team_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "team_members_pkey" PRIMARY KEY ("team_id", "user_id")
);
CREATE INDEX "team_members_user_id_idx" ON "team_members"("user_id");
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "team_group_links" (
    "team_id" UUID NOT NULL,
    "provider" TEXT NOT NULL,
    "group_name" TEXT NOT NULL,
    CONSTRAINT "team_group_links_pkey" PRIMARY KEY ("team_id", "provider", "group_name")
);
ALTER TABLE "team_group_links" ADD CONSTRAINT "team_group_links_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Groups a user belongs to at an identity provider, refreshed at login and on a schedule.
CREATE TABLE "user_groups" (
    "user_id" UUID NOT NULL,
    "provider" TEXT NOT NULL,
    "group_name" TEXT NOT NULL,
    "synced_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "user_groups_pkey" PRIMARY KEY ("user_id", "provider", "group_name")
);
ALTER TABLE "user_groups" ADD CONSTRAINT "user_groups_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "role_bindings" (
    "id" UUID NOT NULL,
    "role_id" UUID NOT NULL,
    "subject_kind" "SubjectKind" NOT NULL,
    "subject_id" TEXT NOT NULL,
    "subject_provider" TEXT,
    "scope" "RoleScope" NOT NULL,
    "cluster_id" TEXT,
    "namespace" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" UUID,
    CONSTRAINT "role_bindings_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "role_bindings_scope_shape" CHECK (
        ("scope" = 'global' AND "cluster_id" IS NULL AND "namespace" IS NULL) OR
        ("scope" = 'cluster' AND "cluster_id" IS NOT NULL AND "namespace" IS NULL) OR
        ("scope" = 'namespace' AND "cluster_id" IS NOT NULL AND "namespace" IS NOT NULL)),
    CONSTRAINT "role_bindings_group_provider" CHECK (("subject_kind" = 'group') = ("subject_provider" IS NOT NULL))
);
ALTER TABLE "role_bindings" ADD CONSTRAINT "role_bindings_role_id_fkey" FOREIGN KEY ("role_id") REFERENCES "roles"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
-- One binding per (role, subject, scope); NULLs compare equal so global bindings are unique too.
CREATE UNIQUE INDEX "role_bindings_unique" ON "role_bindings"("role_id", "subject_kind", "subject_id", "subject_provider", "scope", "cluster_id", "namespace") NULLS NOT DISTINCT;
CREATE INDEX "role_bindings_subject_idx" ON "role_bindings"("subject_kind", "subject_id");

CREATE TABLE "api_tokens" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3),
    "last_used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");
CREATE INDEX "api_tokens_user_id_idx" ON "api_tokens"("user_id");
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Bumped in the same transaction as every change that can alter a permission.
CREATE TABLE "rbac_state" (
    "id" INTEGER NOT NULL,
    "version" BIGINT NOT NULL,
    CONSTRAINT "rbac_state_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "rbac_state_singleton" CHECK ("id" = 1)
);
INSERT INTO "rbac_state" ("id", "version") VALUES (1, 1);

-- Built-in roles (must match apps/api/src/rbac/built-in-roles.ts; a test compares them).
INSERT INTO "roles" ("id", "name", "description", "scope", "built_in", "rules", "created_at", "updated_at") VALUES ('00000000-0000-4000-8000-000000000001', 'console-admin', 'Everything, everywhere: all clusters and all console settings.', 'global', true, '[{"verbs":["*"],"apiGroups":["*"],"resources":["*"]}]'::jsonb, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
INSERT INTO "roles" ("id", "name", "description", "scope", "built_in", "rules", "created_at", "updated_at") VALUES ('00000000-0000-4000-8000-000000000002', 'cluster-creator', 'Register new clusters and see the registry.', 'global', true, '[{"verbs":["create","get","list","watch"],"apiGroups":["console.wheelhouse.io"],"resources":["clusters"]}]'::jsonb, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
INSERT INTO "roles" ("id", "name", "description", "scope", "built_in", "rules", "created_at", "updated_at") VALUES ('00000000-0000-4000-8000-000000000003', 'auditor', 'Read the audit log and every console setting; change nothing.', 'global', true, '[{"verbs":["get","list"],"apiGroups":["console.wheelhouse.io"],"resources":["auditevents","users","teams","roles","rolebindings","clusters","identityproviders"]}]'::jsonb, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
INSERT INTO "roles" ("id", "name", "description", "scope", "built_in", "rules", "created_at", "updated_at") VALUES ('00000000-0000-4000-8000-000000000004', 'user', 'Signed-in basics: see role definitions. Clusters show up through bindings in them.', 'global', true, '[{"verbs":["get","list","watch"],"apiGroups":["console.wheelhouse.io"],"resources":["roles"]}]'::jsonb, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
INSERT INTO "roles" ("id", "name", "description", "scope", "built_in", "rules", "created_at", "updated_at") VALUES ('00000000-0000-4000-8000-000000000011', 'cluster-admin', 'Everything inside one cluster, including its role bindings.', 'cluster', true, '[{"verbs":["*"],"apiGroups":["*"],"resources":["*"]}]'::jsonb, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
INSERT INTO "roles" ("id", "name", "description", "scope", "built_in", "rules", "created_at", "updated_at") VALUES ('00000000-0000-4000-8000-000000000012', 'cluster-viewer', 'Read everything in one cluster except Secrets; no exec.', 'cluster', true, '[{"verbs":["get","list","watch"],"apiGroups":[""],"resources":["pods","pods/log","services","endpoints","configmaps","persistentvolumeclaims","serviceaccounts","events","replicationcontrollers","resourcequotas","limitranges","nodes","namespaces","persistentvolumes"]},{"verbs":["get","list","watch"],"apiGroups":["apps","batch","autoscaling","networking.k8s.io","policy","events.k8s.io","discovery.k8s.io","storage.k8s.io","apiextensions.k8s.io","scheduling.k8s.io"],"resources":["*"]},{"verbs":["get","list","watch"],"apiGroups":["console.wheelhouse.io"],"resources":["clusters"]}]'::jsonb, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
INSERT INTO "roles" ("id", "name", "description", "scope", "built_in", "rules", "created_at", "updated_at") VALUES ('00000000-0000-4000-8000-000000000021', 'namespace-admin', 'Everything inside one namespace, including its role bindings.', 'namespace', true, '[{"verbs":["*"],"apiGroups":["*"],"resources":["*"]}]'::jsonb, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
INSERT INTO "roles" ("id", "name", "description", "scope", "built_in", "rules", "created_at", "updated_at") VALUES ('00000000-0000-4000-8000-000000000022', 'developer', 'Deploy and operate workloads, config and services in one namespace; logs and exec.', 'namespace', true, '[{"verbs":["*"],"apiGroups":[""],"resources":["pods","pods/log","pods/exec","pods/attach","pods/portforward","services","configmaps","secrets","persistentvolumeclaims","serviceaccounts"]},{"verbs":["*"],"apiGroups":["apps","batch","autoscaling","policy"],"resources":["*"]},{"verbs":["*"],"apiGroups":["networking.k8s.io"],"resources":["ingresses","networkpolicies"]},{"verbs":["get","list","watch"],"apiGroups":[""],"resources":["events","endpoints","resourcequotas","limitranges"]},{"verbs":["get","list","watch"],"apiGroups":["events.k8s.io","discovery.k8s.io"],"resources":["*"]}]'::jsonb, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
INSERT INTO "roles" ("id", "name", "description", "scope", "built_in", "rules", "created_at", "updated_at") VALUES ('00000000-0000-4000-8000-000000000023', 'viewer', 'Read one namespace: no Secrets, no exec.', 'namespace', true, '[{"verbs":["get","list","watch"],"apiGroups":[""],"resources":["pods","pods/log","services","endpoints","configmaps","persistentvolumeclaims","serviceaccounts","events","replicationcontrollers","resourcequotas","limitranges"]},{"verbs":["get","list","watch"],"apiGroups":["apps","batch","autoscaling","networking.k8s.io","policy","events.k8s.io","discovery.k8s.io"],"resources":["*"]}]'::jsonb, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

-- Admins of the foundation release become console-admin bindings; the flag itself goes away.
INSERT INTO "role_bindings" ("id", "role_id", "subject_kind", "subject_id", "scope")
SELECT gen_random_uuid(), '00000000-0000-4000-8000-000000000001', 'user', "id"::text, 'global' FROM "users" WHERE "is_admin";
INSERT INTO "role_bindings" ("id", "role_id", "subject_kind", "subject_id", "scope")
SELECT gen_random_uuid(), '00000000-0000-4000-8000-000000000004', 'user', "id"::text, 'global' FROM "users";
ALTER TABLE "users" DROP COLUMN "is_admin";
