import Foundation
import ZIPFoundation

/// An Office Open XML package (a .docx or .xlsx file): named parts, zipped
/// in the order given. `[Content_Types].xml` must be the first part: some
/// readers (and the file-type sniffers of mail gateways) look for it there.
struct OOXMLPackage {
    private(set) var parts: [(path: String, bytes: Data)] = []

    mutating func add(_ path: String, _ xml: String) {
        parts.append((path, Data(xml.utf8)))
    }

    /// The zipped package. Parts are deflated; their dates are fixed
    /// (1 January 2025) so the same data gives the same bytes.
    func zipped() throws -> Data {
        precondition(parts.first?.path == "[Content_Types].xml", "[Content_Types].xml must come first")
        let archive = try Archive(data: Data(), accessMode: .create)
        let date = Date(timeIntervalSince1970: 1_735_689_600)
        for part in parts {
            let bytes = part.bytes
            try archive.addEntry(
                with: part.path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: date,
                compressionMethod: .deflate
            ) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }
}

/// Text escaped for XML element content and attribute values. Characters
/// XML 1.0 cannot carry (C0 controls but tab and line ends) are dropped.
func xmlEscaped(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for scalar in s.unicodeScalars {
        switch scalar {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
        case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out
}

/// Namespaces of the Transitional schemas, which Excel, Word, LibreOffice
/// and Google's editors all open.
enum Namespace {
    static let relationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let contentTypes = "http://schemas.openxmlformats.org/package/2006/content-types"
    static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let spreadsheet = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let wordprocessing = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let coreProperties = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
    static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
}

let xmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

/// `docProps/core.xml`: the document's title and creator, shown in the
/// reader's document properties.
func corePropertiesXML(title: String, creator: String) -> String {
    xmlDeclaration
        + "<cp:coreProperties xmlns:cp=\"\(Namespace.coreProperties)\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
        + "<dc:title>\(xmlEscaped(title))</dc:title><dc:creator>\(xmlEscaped(creator))</dc:creator>"
        + "</cp:coreProperties>"
}

/// `_rels/.rels` pointing at the main part and the core properties.
func packageRelationshipsXML(mainPart: String, mainType: String) -> String {
    xmlDeclaration + "<Relationships xmlns=\"\(Namespace.relationships)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(Namespace.relationshipType)\(mainType)\" Target=\"\(mainPart)\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        + "</Relationships>"
}
