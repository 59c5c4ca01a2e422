#include "report/xlsx_library.hpp"

#include <QLibrary>

namespace mw {

const Result<XlsxWriter>& xlsxWriter() {
    static const Result<XlsxWriter> loaded = []() -> Result<XlsxWriter> {
        QLibrary library(QStringLiteral("xlsxwriter"), MW_XLSXWRITER_SOVERSION);
        if (!library.load())
            return fail("cannot load the spreadsheet library (" + library.errorString().toStdString() +
                        "); install libxlsxwriter" + std::to_string(MW_XLSXWRITER_SOVERSION));
        XlsxWriter api;
#define MW_XLSX_RESOLVE(name)                                                                                \
    api.name = reinterpret_cast<decltype(&::name)>(library.resolve(#name));                                  \
    if (!api.name)                                                                                           \
        return fail("the spreadsheet library has no " #name);
        MW_XLSX_FUNCTIONS(MW_XLSX_RESOLVE)
#undef MW_XLSX_RESOLVE
        return api;
    }();
    return loaded;
}

} // namespace mw
