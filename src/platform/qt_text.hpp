#pragma once
// The one bridge between the libraries' UTF-8 std::string and Qt's QString, for every Qt front door.
#include <QString>

#include <string>

namespace mw {

inline QString q(const std::string& text) {
    return QString::fromStdString(text);
}
inline std::string s(const QString& text) {
    return text.toStdString();
}

} // namespace mw
