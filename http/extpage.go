package http

import (
	"html/template"
	"io"
	"io/fs"
	"net/http"
	"slices"
	"strings"

	"redline"
)

// achView is the competing-hypotheses page.
type achView struct {
	Enabled bool
	Files   []string // the files offered by name
	Name    string   // the file chosen
	File    string
	Matrix  *ACHMatrix
	Error   string
}

// achFiles lists the hypotheses files offered by name.
func (s *Server) achFiles() []string {
	if s.ACHFiles == nil {
		return nil
	}
	var out []string
	for _, pat := range []string{"*.yaml", "*.yml"} {
		names, _ := fs.Glob(s.ACHFiles, pat)
		out = append(out, names...)
	}
	slices.Sort(out)
	return out
}

// pageACH shows the form; on GET with ?file= the scored matrix of a file
// offered by name, and on POST that of the file sent.
func (s *Server) pageACH(w http.ResponseWriter, r *http.Request) {
	v := achView{Enabled: s.Extensions.ACH != nil, Files: s.achFiles(), Name: r.URL.Query().Get("file")}
	status := http.StatusOK
	if r.Method == http.MethodGet && v.Enabled && v.Name != "" {
		if !slices.Contains(v.Files, v.Name) {
			s.pageError(w, r, redline.Errorf(redline.ENOTFOUND, "no hypotheses file %q", v.Name))
			return
		}
		b, err := fs.ReadFile(s.ACHFiles, v.Name)
		if err != nil {
			s.pageError(w, r, err)
			return
		}
		v.File = string(b)
		m, err := s.Extensions.ACH(r.Context(), ACHRequest{Name: v.Name, File: b})
		if err != nil {
			code, msg := s.publicError(r, err)
			if code == redline.EINTERNAL {
				s.pageError(w, r, err)
				return
			}
			v.Error, status = msg, codeStatus(code)
		}
		v.Matrix = m
	}
	if r.Method == http.MethodPost && v.Enabled {
		if err := r.ParseMultipartForm(s.MaxBody); err != nil && err != http.ErrNotMultipart {
			s.pageError(w, r, redline.Errorf(redline.EINVALID, "cannot read the form: %v", err))
			return
		}
		v.File = r.PostFormValue("file")
		name := "pasted"
		if f, h, err := r.FormFile("upload"); err == nil {
			b, err := io.ReadAll(f)
			f.Close()
			if err != nil {
				s.pageError(w, r, err)
				return
			}
			v.File, name = string(b), h.Filename
		}
		m, err := s.Extensions.ACH(r.Context(), ACHRequest{Name: name, File: []byte(v.File)})
		if err != nil {
			code, msg := s.publicError(r, err)
			if code == redline.EINTERNAL {
				s.pageError(w, r, err)
				return
			}
			v.Error, status = msg, codeStatus(code)
		}
		v.Matrix = m
	}
	s.render(w, r, status, "ach", "Competing hypotheses", "ach", v)
}

// simulateView is the page of reciprocity and simulation.
type simulateView struct {
	DyadEnabled, SimEnabled bool
	Dyad                    DyadRequest
	DyadResult              *Dyad
	DyadChart               template.HTML
	DyadError               string
	Sim                     SimulationRequest
	Strategies              string
	SimResult               *Simulation
	SimChart                template.HTML
	SimError                string
}

func (s *Server) pageSimulate(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	v := simulateView{DyadEnabled: s.Extensions.Reciprocity != nil, SimEnabled: s.Extensions.Simulate != nil}
	v.Dyad = DyadRequest{A: q.Get("a"), B: q.Get("b"), Period: q.Get("period")}
	if v.Dyad.Period == "" {
		v.Dyad.Period = "month"
	}
	fail := func(err error) (string, bool) {
		code, msg := s.publicError(r, err)
		if code == redline.EINTERNAL {
			s.pageError(w, r, err)
			return "", false
		}
		return msg, true
	}
	if v.DyadEnabled && v.Dyad.A != "" && v.Dyad.B != "" {
		d, err := s.Extensions.Reciprocity(r.Context(), v.Dyad)
		if err != nil {
			msg, ok := fail(err)
			if !ok {
				return
			}
			v.DyadError = msg
		} else {
			v.DyadResult = d
			v.DyadChart = lineChart("Net flow by period (Goldstein)", "period", "net Goldstein weight", d.Periods,
				[]Line{{Name: d.Names[0] + " → " + d.Names[1], Points: d.Flows[0]}, {Name: d.Names[1] + " → " + d.Names[0], Points: d.Flows[1]}})
		}
	}
	// Strategies come as repeated values or one comma-separated field.
	for _, st := range q["strategy"] {
		for _, one := range strings.Split(st, ",") {
			if one = strings.TrimSpace(one); one != "" {
				v.Sim.Strategies = append(v.Sim.Strategies, one)
			}
		}
	}
	v.Strategies = strings.Join(v.Sim.Strategies, ", ")
	req, err := simulationRequest(q)
	req.Strategies = v.Sim.Strategies
	v.Sim = req
	if v.SimEnabled && q.Get("run") != "" {
		var sim *Simulation
		if err == nil {
			sim, err = s.Extensions.Simulate(r.Context(), req)
		}
		if err != nil {
			msg, ok := fail(err)
			if !ok {
				return
			}
			v.SimError = msg
		} else {
			v.SimResult = sim
			var xs []string
			if len(sim.Lines) > 0 {
				for i := range sim.Lines[0].Points {
					xs = append(xs, itoa(i+1))
				}
			}
			v.SimChart = lineChart(sim.Title, sim.XLabel, sim.YLabel, xs, sim.Lines)
		}
	}
	s.render(w, r, http.StatusOK, "simulate", "Reciprocity and simulation", "simulate", v)
}
