#include "report/xml_copy.hpp"

namespace mw {

namespace {

std::string readerError(const QXmlStreamReader& reader) {
    return "line " + std::to_string(reader.lineNumber()) + ": " + reader.errorString().toStdString();
}

} // namespace

Result<QByteArray> copyXml(const QByteArray& source, const XmlCopyHooks& hooks) {
    QByteArray out;
    QXmlStreamReader reader(source);
    QXmlStreamWriter writer(&out);
    writer.setAutoFormatting(false);
    int depth = 0;
    int skipUntil = 0; // inside a left-out element: the depth it started at
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.hasError())
            break;
        if (skipUntil > 0) {
            if (reader.isStartElement())
                ++depth;
            else if (reader.isEndElement() && depth-- == skipUntil)
                skipUntil = 0;
            continue;
        }
        switch (reader.tokenType()) {
        case QXmlStreamReader::StartDocument:
            writer.writeStartDocument(QStringLiteral("1.0"), reader.isStandaloneDocument());
            break;
        case QXmlStreamReader::StartElement: {
            ++depth;
            if (hooks.beforeStart && !hooks.beforeStart(reader, writer, depth)) {
                skipUntil = depth;
                break;
            }
            // Declared before the element, so that its own name takes the template's prefix.
            for (const auto& declaration : reader.namespaceDeclarations()) {
                if (declaration.prefix().isEmpty())
                    writer.writeDefaultNamespace(declaration.namespaceUri().toString());
                else
                    writer.writeNamespace(declaration.namespaceUri().toString(),
                                          declaration.prefix().toString());
            }
            writer.writeStartElement(reader.namespaceUri().toString(), reader.name().toString());
            writer.writeAttributes(hooks.attributes ? hooks.attributes(reader) : reader.attributes());
            break;
        }
        case QXmlStreamReader::EndElement:
            if (hooks.beforeEnd)
                hooks.beforeEnd(reader, writer, depth);
            --depth;
            writer.writeEndElement();
            break;
        case QXmlStreamReader::Characters:
            if (reader.isCDATA())
                writer.writeCDATA(reader.text().toString());
            else
                writer.writeCharacters(hooks.text ? hooks.text(reader.text().toString())
                                                  : reader.text().toString());
            break;
        case QXmlStreamReader::DTD:
            return fail("line " + std::to_string(reader.lineNumber()) +
                        ": a document type declaration, which an ODT or DOCX part never has");
        case QXmlStreamReader::EndDocument:
            writer.writeEndDocument();
            break;
        default: // comments and processing instructions
            writer.writeCurrentToken(reader);
            break;
        }
    }
    if (reader.hasError())
        return fail(readerError(reader));
    return out;
}

Result<void> checkXml(const QByteArray& source) {
    QXmlStreamReader reader(source);
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.tokenType() == QXmlStreamReader::DTD)
            return fail("line " + std::to_string(reader.lineNumber()) + ": a document type declaration");
    }
    if (reader.hasError())
        return fail(readerError(reader));
    return {};
}

} // namespace mw

namespace mw {

void copyRootChildren(const QByteArray& source, QStringView name, QXmlStreamWriter& writer) {
    QXmlStreamReader reader(source);
    int depth = 0, copying = 0;
    while (!reader.atEnd() && !reader.hasError()) {
        reader.readNext();
        if (reader.isStartElement()) {
            ++depth;
            if (copying == 0 && depth == 2 && reader.name() == name)
                copying = depth;
            if (copying > 0) {
                writer.writeStartElement(reader.namespaceUri().toString(), reader.name().toString());
                writer.writeAttributes(reader.attributes());
            }
        } else if (reader.isEndElement()) {
            if (copying > 0)
                writer.writeEndElement();
            if (depth-- == copying)
                copying = 0;
        } else if (reader.isCharacters() && copying > 0) {
            writer.writeCharacters(reader.text().toString());
        }
    }
}

} // namespace mw
