// Demo mode only (GET /api/demo says so): tells a visitor of the demo store where the agent side is and whether a
// person would answer 「转人工」 right now, so nobody wonders why a left message came back on a Sunday.
(async () => {
  const box = document.getElementById('demo-hint');
  const res = await fetch('/api/demo').catch(() => null);
  const demo = res && res.ok ? await res.json() : null;
  if (!box || !demo || !demo.demo) return;
  const text = (s) => document.createTextNode(s);
  const link = (href, label) => Object.assign(document.createElement('a'), { href, textContent: label });
  box.append(text('演示模式 · Demo: '));
  if (demo.setupNeeded) {
    box.append(text('客服端尚未设置——请用 Kefu 启动时打印的首次设置链接创建管理员，然后在 '), link(demo.consoleUrl, '客服工作台 /console/'), text(' 登录。 '));
  } else {
    box.append(text('客服人员请在 '), link(demo.consoleUrl, '客服工作台 /console/'), text(' 登录（账号由管理员创建）。 '));
  }
  const now = !demo.open
    ? `现在是非人工服务时间（${demo.hours.zh}），「转人工」会转为留言。`
    : demo.agentsOnline > 0 ? `现在有 ${demo.agentsOnline} 位客服在线，「转人工」会进入排队。` : `现在是服务时间，但还没有客服在线：登录工作台并设为「在线」即可接待。`;
  box.append(text(now));
  box.hidden = false;
})();
