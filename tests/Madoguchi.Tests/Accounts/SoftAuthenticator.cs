using System.Buffers.Binary;
using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace Madoguchi.Tests.Accounts;

/// <summary>
/// A software authenticator for tests (never production): an ECDsa P-256 key, answering WebAuthn options with
/// hand-built authenticator data, client data and a "none" attestation, as a browser's
/// <c>JSON.stringify(credential)</c> would post them.
/// </summary>
internal sealed class SoftAuthenticator : IDisposable
{
    private static readonly string[] Internal = ["internal"];

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public byte[] CredentialId { get; } = RandomNumberGenerator.GetBytes(16);

    public byte[] UserHandle { get; private set; } = [];

    public uint SignCount { get; set; }

    public void Dispose() => _key.Dispose();

    /// <summary>The answer to <c>navigator.credentials.create()</c> with <paramref name="optionsJson"/>.</summary>
    public string Create(string optionsJson, string origin)
    {
        var options = JsonNode.Parse(optionsJson)!;
        var rpId = (string)options["rp"]!["id"]!;
        UserHandle = WebEncoders.Base64UrlDecode((string)options["user"]!["id"]!);
        var clientData = ClientData("webauthn.create", (string)options["challenge"]!, origin);

        var parameters = _key.ExportParameters(false);
        var cose = new CborWriter();
        cose.WriteStartMap(5);
        cose.WriteInt32(1);
        cose.WriteInt32(2); // kty: EC2
        cose.WriteInt32(3);
        cose.WriteInt32(-7); // alg: ES256
        cose.WriteInt32(-1);
        cose.WriteInt32(1); // crv: P-256
        cose.WriteInt32(-2);
        cose.WriteByteString(parameters.Q.X!);
        cose.WriteInt32(-3);
        cose.WriteByteString(parameters.Q.Y!);
        cose.WriteEndMap();

        var authData = new List<byte>();
        authData.AddRange(SHA256.HashData(Encoding.UTF8.GetBytes(rpId)));
        authData.Add(0x45); // user present, user verified, attested credential data
        authData.AddRange(BigEndian(SignCount));
        authData.AddRange(new byte[16]); // AAGUID
        authData.Add((byte)(CredentialId.Length >> 8));
        authData.Add((byte)CredentialId.Length);
        authData.AddRange(CredentialId);
        authData.AddRange(cose.Encode());

        var attestation = new CborWriter();
        attestation.WriteStartMap(3);
        attestation.WriteTextString("fmt");
        attestation.WriteTextString("none");
        attestation.WriteTextString("attStmt");
        attestation.WriteStartMap(0);
        attestation.WriteEndMap();
        attestation.WriteTextString("authData");
        attestation.WriteByteString([.. authData]);
        attestation.WriteEndMap();

        return JsonSerializer.Serialize(new
        {
            id = WebEncoders.Base64UrlEncode(CredentialId),
            rawId = WebEncoders.Base64UrlEncode(CredentialId),
            type = "public-key",
            response = new
            {
                clientDataJSON = WebEncoders.Base64UrlEncode(clientData),
                attestationObject = WebEncoders.Base64UrlEncode(attestation.Encode()),
                transports = Internal,
            },
            clientExtensionResults = new { },
        });
    }

    /// <summary>The answer to <c>navigator.credentials.get()</c> with <paramref name="optionsJson"/>, counting up first (unless told the count).</summary>
    public string Get(string optionsJson, string origin, ECDsa? signWith = null, string? rpId = null)
    {
        var options = JsonNode.Parse(optionsJson)!;
        rpId ??= (string)options["rpId"]!;
        var clientData = ClientData("webauthn.get", (string)options["challenge"]!, origin);
        var authData = new List<byte>();
        authData.AddRange(SHA256.HashData(Encoding.UTF8.GetBytes(rpId)));
        authData.Add(0x05); // user present, user verified
        authData.AddRange(BigEndian(SignCount));
        byte[] signed = [.. authData, .. SHA256.HashData(clientData)];
        var signature = (signWith ?? _key).SignData(signed, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return JsonSerializer.Serialize(new
        {
            id = WebEncoders.Base64UrlEncode(CredentialId),
            rawId = WebEncoders.Base64UrlEncode(CredentialId),
            type = "public-key",
            response = new
            {
                clientDataJSON = WebEncoders.Base64UrlEncode(clientData),
                authenticatorData = WebEncoders.Base64UrlEncode([.. authData]),
                signature = WebEncoders.Base64UrlEncode(signature),
                userHandle = WebEncoders.Base64UrlEncode(UserHandle),
            },
            clientExtensionResults = new { },
        });
    }

    private static byte[] ClientData(string type, string challenge, string origin) =>
        JsonSerializer.SerializeToUtf8Bytes(new { type, challenge, origin, crossOrigin = false });

    private static byte[] BigEndian(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }
}
