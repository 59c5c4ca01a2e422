#pragma once
// An XML part copied token by token, its namespace prefixes kept (Word names them in attribute values,
// as in mc:Ignorable), with room to leave elements out, change text and write content in between. A
// house-style template's parts go through it: what the report adds is written by the same writer, so it
// takes the prefixes the template declared.
#include "core/error.hpp"

#include <QByteArray>
#include <QString>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <functional>

namespace mw {

struct XmlCopyHooks {
    // Before an element's start tag, at its depth (the root is 1). Returning false leaves the element
    // and everything inside it out.
    std::function<bool(const QXmlStreamReader&, QXmlStreamWriter&, int depth)> beforeStart;
    // Before an element's end tag, at its depth.
    std::function<void(const QXmlStreamReader&, QXmlStreamWriter&, int depth)> beforeEnd;
    // An element's attributes, changed.
    std::function<QXmlStreamAttributes(const QXmlStreamReader&)> attributes;
    // The text of character data, changed.
    std::function<QString(const QString&)> text;
};

// The copy, or the reason the source is not well-formed XML ("line L: ...").
Result<QByteArray> copyXml(const QByteArray& source, const XmlCopyHooks& hooks);

// Whether the bytes are well-formed XML; the reason when not.
Result<void> checkXml(const QByteArray& source);

} // namespace mw

namespace mw {

// Writes every child of the source's root element that has that local name, whole, through the writer
// (their namespaces taken from the writer's scope). For merging a part of ours into a template's.
void copyRootChildren(const QByteArray& source, QStringView name, QXmlStreamWriter& writer);

} // namespace mw
