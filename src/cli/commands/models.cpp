#include "cli/commands/commands.hpp"
#include "cli/text_table.hpp"
#include "core/model_loader.hpp"
#include "platform/qt_text.hpp"

namespace mw::cli {

int modelsCommand(CommandContext& context) {
    context.expectPositionals(0);
    TextTable table({"Id", "Version", "Title", "Rule", "Dimensions", "Questions", "Scale"}, {4, 5});
    for (const auto& m : context.models().models())
        table.addRow({q(m.id), q(m.version), q(m.title), q(std::string(toString(m.aggregation.rule))),
                      QString::number(m.dimensions.size()), QString::number(m.questionCount()),
                      q(formatNumber(m.scale.front().value) + "-" + formatNumber(m.scale.back().value))});
    table.print(context.out);
    return ExitOk;
}

int validateModelCommand(CommandContext& context) {
    const QString file = context.positional(0, "FILE");
    context.expectPositionals(1);
    auto model = loadModelFile(s(file));
    if (!model) {
        const auto& error = model.error();
        if (error.details.empty())
            return context.fail(error);
        context.err << file << ": " << error.details.size() << " problem"
                    << (error.details.size() > 1 ? "s" : "") << '\n';
        for (const auto& detail : error.details)
            context.err << "  " << q(detail) << '\n';
        return ExitBadInput;
    }
    context.out << file << ": valid: " << q(model->id) << ' ' << q(model->version) << ", "
                << model->dimensions.size() << " dimensions, " << model->questionCount() << " questions, "
                << model->scale.size() << "-level scale, rule "
                << q(std::string(toString(model->aggregation.rule))) << '\n';
    for (const auto& warning : modelWarnings(*model))
        context.err << file << ": warning: " << q(warning) << '\n';
    return ExitOk;
}

} // namespace mw::cli
