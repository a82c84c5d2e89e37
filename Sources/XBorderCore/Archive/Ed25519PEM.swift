import Foundation

/// Ed25519 keys as the PEM files OpenSSL reads and writes: the private key as PKCS#8
/// (`-----BEGIN PRIVATE KEY-----`, RFC 8410 §7), the public key as SubjectPublicKeyInfo
/// (`-----BEGIN PUBLIC KEY-----`, RFC 8410 §4).
///
/// The DER is written and read by hand. swift-crypto gives Curve25519 keys only as raw bytes,
/// and for Ed25519 both structures are fixed: a constant prefix (lengths, version, the algorithm
/// identifier 1.3.101.112 with no parameters) followed by the 32 key bytes. Comparing against the
/// prefix is a complete parser for the only form we accept, and needs no ASN.1 library.
package enum Ed25519PEM {
    /// SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING (0 unused bits) } before the 32-byte key.
    static let publicKeyPrefix: [UInt8] = [0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00]
    /// SEQUENCE { INTEGER 0, SEQUENCE { OID 1.3.101.112 }, OCTET STRING { OCTET STRING } } before
    /// the 32-byte seed (OneAsymmetricKey v1 without the optional public key, as OpenSSL writes it).
    static let privateKeyPrefix: [UInt8] = [
        0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
    ]

    /// The SubjectPublicKeyInfo DER of a raw 32-byte public key.
    package static func publicKeyDER(_ raw: [UInt8]) -> [UInt8] { publicKeyPrefix + raw }

    /// PEM text of a raw public key.
    package static func publicKeyPEM(_ raw: [UInt8]) -> String { pem(publicKeyDER(raw), label: "PUBLIC KEY") }

    /// PEM text of a raw 32-byte private key (seed).
    package static func privateKeyPEM(_ raw: [UInt8]) -> String { pem(privateKeyPrefix + raw, label: "PRIVATE KEY") }

    /// The raw public key in PEM text; nil when it is not an Ed25519 SubjectPublicKeyInfo.
    package static func rawPublicKey(fromPEM text: String) -> [UInt8]? { raw(text, label: "PUBLIC KEY", prefix: publicKeyPrefix) }

    /// The raw private key in PEM text; nil when it is not an Ed25519 PKCS#8 key.
    package static func rawPrivateKey(fromPEM text: String) -> [UInt8]? { raw(text, label: "PRIVATE KEY", prefix: privateKeyPrefix) }

    private static func pem(_ der: [UInt8], label: String) -> String {
        let base64 = Array(Data(der).base64EncodedString())
        let lines = stride(from: 0, to: base64.count, by: 64).map { String(base64[$0..<min($0 + 64, base64.count)]) }
        return "-----BEGIN \(label)-----\n" + lines.joined(separator: "\n") + "\n-----END \(label)-----\n"
    }

    private static func raw(_ text: String, label: String, prefix: [UInt8]) -> [UInt8]? {
        guard let begin = text.range(of: "-----BEGIN \(label)-----"),
            let end = text.range(of: "-----END \(label)-----", range: begin.upperBound..<text.endIndex)
        else { return nil }
        let body = text[begin.upperBound..<end.lowerBound].filter { !$0.isWhitespace }
        guard let der = Data(base64Encoded: String(body)).map(Array.init), der.count == prefix.count + 32,
            Array(der.prefix(prefix.count)) == prefix
        else { return nil }
        return Array(der.dropFirst(prefix.count))
    }
}
