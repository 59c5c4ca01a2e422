#pragma once
// The `maturity` command line run in-process on a database of its own, its output captured.
#include "cli/cli.hpp"
#include "support.hpp"

#include <QString>
#include <QStringList>
#include <QTextStream>

namespace mw::test {

struct CliResult {
    int code;
    QString out;
    QString err;
};

class CliFixture {
public:
    test::TempDir dir;
    QString db = QString::fromStdString((dir / "cli.db").string());

    CliResult run(QStringList args) {
        QString out, err;
        QTextStream outStream(&out), errStream(&err);
        args.prepend("--db");
        args.insert(1, db);
        args.prepend("maturity");
        const int code = runCli(args, outStream, errStream);
        return {code, out, err};
    }
    QString file(const std::string& name) const { return QString::fromStdString((dir / name).string()); }
};

} // namespace mw::test
