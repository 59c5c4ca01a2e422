#pragma once
#include <QStringList>
#include <QTextStream>

namespace mw {

enum ExitCode { ExitOk = 0, ExitBadInput = 1, ExitUsage = 2 };

// Runs one `maturity` command line (arguments include the program name). Results go to `out`, errors to
// `err`. In-process so that tests can drive it.
int runCli(const QStringList& arguments, QTextStream& out, QTextStream& err);

} // namespace mw
