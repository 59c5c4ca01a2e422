// The workbench with its room open: a phone (an HTTP client here) joins and votes, and the vote appears as
// a voice; presenter mode opens the question, keeps the votes sealed and reveals them.
#include "assessment_document.hpp"
#include "editor_page.hpp"
#include "live_room.hpp"
#include "presenter_window.hpp"
#include "qr_code.hpp"
#include "storage/demo.hpp"
#include "workbench_fixture.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <QProcess>
#include <QSignalSpy>
#include <QUrl>

using namespace mw;
using namespace mw::ui;
using namespace mw::ui::test_support;
using Json = nlohmann::json;

namespace {

struct Phone {
    QUrl url;
    httplib::Client client;
    Json me;
    explicit Phone(const QString& joinUrl)
        : url(joinUrl)
        , client(url.host().toStdString(), url.port()) {}
    httplib::Result post(const std::string& path, const Json& body) {
        return client.Post((url.path().toStdString() + path).c_str(), body.dump(), "application/json");
    }
    void join(const std::string& name, const std::string& group) {
        auto response = post("api/join", {{"name", name}, {"group", group}});
        REQUIRE(response);
        REQUIRE(response->status == 200);
        me = Json::parse(response->body);
    }
    int vote(const std::string& question, Json level) {
        auto response = post("api/vote", {{"participant", me["participant"]},
                                          {"key", me["key"]},
                                          {"question", question},
                                          {"level", level},
                                          {"comment", "from the phone"}});
        return response ? response->status : 0;
    }
};

} // namespace

TEST_CASE("votes from phones land as voices, sealed on the projector until the reveal", "[ui][live]") {
    DemoWorkbench wb;
    AssessmentDocument* doc = wb.window->document();
    const std::size_t rosterBefore = doc->participants().size();

    auto* presenter = new PresenterWindow(doc);
    presenter->setLiveRoom(wb.window->liveRoom());
    QObject::connect(presenter, &PresenterWindow::openRoomRequested, wb.window.get(),
                     [&] { REQUIRE(wb.window->setRoomOpen(true).has_value()); });
    presenter->resize(1280, 720);
    presenter->show();
    REQUIRE(QTest::qWaitForWindowExposed(presenter));

    // J opens the room and shows the join slide with the URL and its QR code.
    QTest::keyClick(presenter, Qt::Key_J);
    REQUIRE(wb.window->liveRoom()->isRunning());
    CHECK(presenter->showsJoin());
    const QString url = wb.window->liveRoom()->joinUrl();
    CHECK(presenter->joinAddress()->text() == url);
    CHECK(presenter->joinCode()->modulesPerSide() >= 25);
    // A phone's camera reads the URL back from the painted code (zbarimg stands in for it).
    test::TempDir shots;
    const QString image = QString::fromStdString((shots / "join-code.png").string());
    REQUIRE(presenter->joinCode()->grab().save(image));
    QProcess reader;
    reader.start("zbarimg", {"--quiet", "--raw", image});
    REQUIRE(reader.waitForFinished(20000));
    CHECK(QString::fromUtf8(reader.readAllStandardOutput()).trimmed() == url);
    QTest::keyClick(presenter, Qt::Key_Escape);
    CHECK_FALSE(presenter->showsJoin());

    // The phone joins: a new voice in the roster.
    Phone phone(url.contains("127.0.0.1") ? url : QString(url).replace(QUrl(url).host(), "127.0.0.1"));
    QSignalSpy joined(wb.window->liveRoom(), &LiveRoom::participantJoined);
    phone.join("Chidi Okafor", "OT");
    REQUIRE(joined.wait(5000));
    CHECK(doc->participants().size() == rosterBefore + 1);

    // V opens the question on screen; the count shows, the level does not.
    QTest::keyClick(presenter, Qt::Key_V);
    CHECK(wb.window->liveRoom()->openQuestion() == doc->currentQuestion().id);
    CHECK(doc->isSealed(doc->currentQuestion().id));
    QSignalSpy voted(wb.window->liveRoom(), &LiveRoom::voteCommitted);
    CHECK(phone.vote(doc->currentQuestion().id, 1) == 200);
    REQUIRE(voted.wait(5000));
    QApplication::processEvents();
    CHECK(presenter->voicesLabel()->text() == "1 of 1 voted from phones  ·  R reveals");
    const Participant* chidi = nullptr;
    for (const auto& p : doc->participants())
        if (p.name == "Chidi Okafor")
            chidi = &p;
    REQUIRE(chidi);
    const auto answer = doc->answer(doc->currentQuestion().id, chidi->id);
    REQUIRE(answer.has_value());
    CHECK(answer->current == 1);
    CHECK(answer->note == "from the phone");
    // The editor's voice strip says the phone voted, not how.
    bool sealedChip = false;
    for (auto* label : wb.window->editor()->findChildren<QLabel*>())
        sealedChip = sealedChip || label->text() == "Chidi Okafor · OT  voted";
    CHECK(sealedChip);

    // R reveals on the projector and on the phones; moving on closes the vote.
    QTest::keyClick(presenter, Qt::Key_R);
    CHECK(wb.window->liveRoom()->revealed());
    CHECK_FALSE(doc->isSealed(doc->currentQuestion().id));
    CHECK(presenter->voicesLabel()->text().contains("OT: "));
    QTest::keyClick(presenter, Qt::Key_PageDown);
    CHECK_FALSE(wb.window->liveRoom()->openQuestion().has_value());
    CHECK(phone.vote(doc->questions()[0]->id, 2) == 409);
    presenter->close();

    // The vote is in the database like any voice: a reopened workbench shows it.
    wb.window->setRoomOpen(false).value();
    CHECK_FALSE(wb.window->liveRoom()->isRunning());
    wb.reopen();
    REQUIRE(wb.window->openAssessment(2).has_value());
    bool found = false;
    for (const auto& p : wb.window->document()->participants())
        if (p.name == "Chidi Okafor")
            found =
                wb.window->document()->answer(wb.window->document()->questions()[0]->id, p.id)->current == 1;
    CHECK(found);
}
