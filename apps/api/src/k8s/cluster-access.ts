/** Everything needed to talk to one cluster, decrypted in memory only. Built by the clusters domain. */
export interface ClusterAccess {
  id: string;
  server: string;
  caData: string | null;
  insecureSkipTlsVerify: boolean;
  auth: { type: 'token'; token: string } | { type: 'clientCertificate'; certData: string; keyData: string } | { type: 'serviceAccount' };
  /** Changes whenever the registration changes, so cached clients are rebuilt. */
  revision: string;
}
