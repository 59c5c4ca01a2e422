#include "report/file_output.hpp"

#include "report/csv_export.hpp"

#include <QSaveFile>

namespace mw {

Result<void> writeFileAtomically(const QString& path, const QByteArray& bytes) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return fail(path.toStdString() + ": cannot write (" + file.errorString().toStdString() + ")");
    return {};
}

Result<void> writeBundleFile(const Bundle& bundle, const QString& path) {
    return writeFileAtomically(path, QByteArray::fromStdString(serializeBundle(bundle)));
}

Result<void> writeAnswersCsvFile(const Bundle& bundle, const QString& path) {
    return writeFileAtomically(
        path, QByteArray::fromStdString(answersCsv(bundle.model, bundle.answers, bundle.participants)));
}

} // namespace mw
