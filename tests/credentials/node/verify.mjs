// Verifies one of the hub's Open Badges 3.0 credentials (a VC-JWT) with jose, an
// implementation that is not the hub's, from nothing but files:
//
//   node verify.mjs CREDENTIAL.jwt ISSUER-JWKS.json [STATUS-LIST.jwt]
//
// Prints the credential (JSON) and exits 0 when it is valid; prints why and exits 1 when
// it is not: a bad signature, a key not in the JWKS, a `validFrom` (nbf) ahead, claims
// that do not mirror the credential, or its bit set in the issuer's status list (W3C
// Bitstring Status List: GZIP, base64url with a "u" prefix, index 0 = the first byte's
// most significant bit). A credential with a status entry needs the status list.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { createLocalJWKSet, jwtVerify } from "jose";

const [credentialFile, jwksFile, statusFile] = process.argv.slice(2);
const read = (file) => readFileSync(file, "utf8").trim();

function fail(reason) {
  throw new Error(reason);
}

try {
  const keys = createLocalJWKSet(JSON.parse(read(jwksFile)));
  const { payload: vc } = await jwtVerify(read(credentialFile), keys, {
    algorithms: ["RS256"],
    typ: "JWT",
    requiredClaims: ["iss", "jti", "sub", "nbf"],
  });
  if (!vc.type?.includes("OpenBadgeCredential")) fail("not an OpenBadgeCredential");
  if (vc.iss !== vc.issuer?.id) fail("iss does not mirror issuer.id");
  if (vc.jti !== vc.id) fail("jti does not mirror id");
  if (vc.sub !== vc.credentialSubject?.id) fail("sub does not mirror credentialSubject.id");
  if (vc.nbf !== Date.parse(vc.validFrom) / 1000) fail("nbf does not mirror validFrom");

  const entry = vc.credentialStatus;
  if (entry) {
    if (!statusFile) fail("a status list is needed to check revocation");
    const { payload: list } = await jwtVerify(read(statusFile), keys, {
      algorithms: ["RS256"],
      issuer: vc.iss,
    });
    if (list.id !== entry.statusListCredential) fail("not the credential's status list");
    if (list.credentialSubject.statusPurpose !== entry.statusPurpose) fail("not its purpose");
    const encoded = list.credentialSubject.encodedList;
    if (!encoded.startsWith("u")) fail("encodedList is not multibase base64url");
    const bits = gunzipSync(Buffer.from(encoded.slice(1), "base64url"));
    const index = Number(entry.statusListIndex);
    if (!(index >= 0 && index < bits.length * 8)) fail("the index is beyond the list");
    if (bits[index >> 3] & (0x80 >> index % 8)) fail(`revoked (bit ${index} is set)`);
  }
  console.log(JSON.stringify(vc));
} catch (error) {
  console.error(`invalid: ${error.code ?? error.name}: ${error.message}`);
  process.exit(1);
}
