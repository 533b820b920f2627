package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/beatbot-kz/beatbot/bot/telegram/emulator"
	"github.com/beatbot-kz/beatbot/configs"
	"github.com/beatbot-kz/beatbot/core"
	"github.com/beatbot-kz/beatbot/playground"
	"github.com/go-telegram/bot/models"
	"github.com/jonboulle/clockwork"
	"github.com/rs/zerolog"
)

// playgroundToken is the emulator's bot token: nothing outside this
// process ever sees it.
const playgroundToken = "1000000001:playground-token-not-a-secret"

// playgroundSecret keys poll pseudonyms in the playground, whose data are
// sample data.
const playgroundSecret = "playground-poll-secret-not-for-production"

// playgroundPeople are the sample residents the page can play.
var playgroundPeople = []playground.Person{
	{ID: "aigerim", Name: "Айгерім", Lang: core.Kazakh, TelegramID: 9000000000000001},
	{ID: "dmitry", Name: "Дмитрий", Lang: core.Russian, TelegramID: 9000000000000002},
	{ID: "anna", Name: "Anna", Lang: core.English, TelegramID: 9000000000000003},
}

// playgroundCommand runs the bot on the Bot API emulator with a page to
// use it from, until ctx is cancelled.
func playgroundCommand(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	flags := flag.NewFlagSet("beatbot playground", flag.ContinueOnError)
	flags.SetOutput(stdout)
	configFlag := flags.String("config", defaultConfig, "city configuration `file` (YAML)")
	addr := flags.String("http", "localhost:8080", "`address` the page is served on")
	data := flags.String("data", filepath.Join("data", "playground", "beatbot.db"), "data `file` of the playground's bot")
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	if flags.NArg() > 0 {
		return fmt.Errorf("playground: unexpected arguments %q", flags.Args())
	}
	configPath := *configFlag
	env, err := loadEnv(getenv)
	if err != nil {
		return err
	}
	env.logFormat = "console"
	if getenv("BEATBOT_LOG_LEVEL") == "" {
		// The page shows what happens; the terminal only what goes wrong.
		env.logLevel = zerolog.WarnLevel
	}
	log := newLogger(stdout, env)

	city, _, err := configs.Load(configPath)
	if err != nil {
		return err
	}
	inspector, chief := playgroundStaff(city)
	if inspector == nil || chief == nil {
		return fmt.Errorf("playground: %s has no chief and inspector on Telegram to show", configPath)
	}
	clock := clockwork.NewFakeClockAt(time.Now())
	emu := emulator.New(playgroundToken, emulator.WithClock(clock.Now))
	defer emu.Close()
	for _, s := range []*core.Staff{inspector, chief} {
		emu.AddChat(models.Chat{ID: s.TelegramID, Type: models.ChatTypePrivate, FirstName: s.Name.In(core.Russian)})
	}
	pg, err := playground.New(playground.Config{Emulator: emu, City: city, Clock: clock, People: playgroundPeople,
		Inspector: inspector, Chief: chief, Focus: city.Districts[0].ID})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("playground: listen on %s: %w\n(choose another address: go run . playground -http localhost:9090)", *addr, err)
	}
	// Each run starts afresh: the emulator's update ids start again at
	// one, and its clock at now, which a kept file would contradict.
	if err := os.Remove(*data); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("playground: start afresh: %w", err)
	}
	srv := &http.Server{Handler: pg.Handler(), ReadHeaderTimeout: 5 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error().Err(err).Msg("playground page")
		}
	}()
	defer srv.Close()

	env.token, env.telegramAPI, env.webhookURL = playgroundToken, emu.URL(), ""
	env.dataPath, env.pollSecret, env.whatsApp = *data, playgroundSecret, whatsAppSettings{webhookPath: "/whatsapp/webhook"}
	// A toy needs no metrics and its sample data no backups, and neither
	// may take a production port.
	env.opsAddr, env.adminAddr = "", "off"
	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	go func() { _ = pg.Run(runCtx) }()
	fmt.Fprintf(stdout, "\nbeatbot playground: open http://%s in a browser (no token, nothing leaves this machine).\nStop with Ctrl+C.\n\n", pageAddr(ln.Addr()))
	err = runBot(runCtx, configPath, env, clock, log)
	fmt.Fprintln(stdout, "playground stopped")
	return err
}

// pageAddr is the address to open: an unspecified host (":8080") means
// this machine.
func pageAddr(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok || !tcp.IP.IsUnspecified() {
		return a.String()
	}
	return fmt.Sprintf("localhost:%d", tcp.Port)
}

// playgroundStaff picks the staff shown beside the resident: the inspector
// of the first district and the chief of its precinct.
func playgroundStaff(city *core.City) (inspector, chief *core.Staff) {
	if len(city.Districts) == 0 {
		return nil, nil
	}
	d := city.Districts[0]
	inspector, chief = city.StaffMember(d.Inspector), city.PrecinctChief(d.Precinct)
	if inspector == nil || inspector.TelegramID == 0 || chief == nil || chief.TelegramID == 0 {
		return nil, nil
	}
	return inspector, chief
}
