<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="bo_CN" sourcelanguage="zh_CN">
<context>
    <name>AddOperatorDialog</name>
    <message>
        <source>添加操作员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>账号(&amp;L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2–32 个字母、数字或 _ . -，登录时使用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名(&amp;N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>角色(&amp;R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>添加(&amp;A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>账号：{problem}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseDetailPage</name>
    <message>
        <source>办件详情</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>办件查询</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>工作台</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DecisionReasons</name>
    <message>
        <source>必要材料缺少：{materials}（可出具一次性告知书，或将可容缺材料登记为容缺）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有容缺材料，应选择“容缺受理”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有以承诺代替的材料，应选择“告知承诺”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>容缺受理须至少有一项容缺材料</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>事项 {items} 不适用告知承诺</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>材料齐全，无需一次性告知</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不予受理须写明理由</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不予受理须写明行政复议机关和人民法院</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>读写文件失败（{what}）。已保存的数据没有丢失。请检查磁盘或文件后重试。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>出现意外错误，本次操作未完成，已保存的数据没有丢失。请重试；如果再次出现，请联系县级信息化人员。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>此目录下还没有服务站数据（{home}）。请先运行 bianmin init 建立服务站。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>此目录已有服务站数据（{home}），不能重复初始化。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>密码错误。再错 {remaining} 次将锁定 5 分钟。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>该账号因多次输错密码已被锁定，请 5 分钟后再试，或请管理员解锁。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有这个操作员账号。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>该操作员账号已停用，请联系管理员。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>此操作需要管理员权限。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>密码太短，至少需要 {min_length} 个字符。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>恢复码不正确。请核对初始化时打印的恢复码。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据库文件已损坏或无法读取，已停止以免丢失数据。最近的备份：{backup}。可用 bianmin restore 恢复。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>磁盘空间已满，本次操作已撤销，已保存的数据没有丢失。请清理磁盘后重试。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>写入磁盘失败（磁盘已满或出错），本次操作已撤销，已保存的数据没有丢失。请检查磁盘后重试。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据库正被另一程序使用，请稍后再试。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据库升级失败，已保留升级前的备份。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备份文件无法使用：{path}。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据库操作失败。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>输入有误：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>证件号码有误：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>事项清单文件有问题，未导入任何内容：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>找不到办件 {case_no}。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>找不到事项 {code}。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不能作出此决定：{reason_text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>办件当前状态（{current}）下不能执行此操作。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>办件日志校验失败。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文档中有字库里没有的字符：{chars}。请核对录入的内容，或联系县级信息化人员补充字库。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>尚未导入事项清单。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本服务站尚未在平台登记，请先运行 bianmin enrol 平台地址 登记码。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>连不上平台（网络中断或平台暂时不可用），数据都已保存在本机，联网后再同步。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>平台拒绝了请求（{reason}）。登记码可能已用过或过期，请向平台管理员索取新的登记码。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>平台的应答不符合协议，请联系县级信息化人员。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件 {name} 无法作为扫描材料导入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件 {name} 超过导入上限（{limit_text}），未导入。请降低扫描分辨率或分页扫描后再导入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件 {name} 不是可导入的格式，未导入。只能导入 JPEG、PNG 图片或 PDF 文件（按文件内容判断，与扩展名无关）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件 {name} 已损坏或不完整，无法读取，未导入。请重新扫描或拍照后再导入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>找不到这份扫描材料。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>操作失败（{code}）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvaluationWindow</name>
    <message>
        <source>请您评价</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuidePage</name>
    <message>
        <source>事项指南</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <source>受理</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>已收件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已受理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不予受理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>待补正</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>办理中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>特别程序</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已办结</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已送达</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已撤回</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>受理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>容缺受理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>告知承诺</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>一次性告知（补正）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本人办理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>帮办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>代办</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>上门服务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>亲属</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>村干部</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>驻村工作队</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>帮办代办员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>其他</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>个人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已收</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>电子证照</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>容缺（后补）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>缺少</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>承诺代替</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>复印件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>窗口领取</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>邮寄送达</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>电子送达</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>准予</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不予准予</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>窗口人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>管理员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>即办件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>承诺件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正常</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>即将到期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已超期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>非常满意</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>满意</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>基本满意</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不满意</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>非常不满意</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>居民身份证</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>护照</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>港澳居民来往内地通行证</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>台湾居民来往大陆通行证</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>港澳台居民居住证</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>外国人永久居留身份证</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>军官证</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>其他证件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>受理凭证</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>一次性告知书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不予受理通知书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>容缺受理通知书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>告知承诺书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>授权委托书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结果领取单</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <source>账号(&amp;U)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>密码(&amp;P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>柜台已锁定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>为保护群众信息，柜台已锁定。请 {login} 输入密码解锁，或换其他操作员登录。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>解锁</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>便民服务台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请输入操作员账号和密码登录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>登录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>演示模式：这是一个演示服务站，所有群众信息均为虚构。演示账号 {login}，密码 {password}。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请输入账号和密码。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在验证…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>账号或密码不对。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>再错 {n} 次将锁定 5 分钟。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>正在准备演示服务站…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>便民服务台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>此电脑上还没有服务站（{home}）。
请由管理员运行 bianmin init 建立服务站；试用请运行 make run（演示服务站）。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>便民服务台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工作台  Ctrl+1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>受理  Ctrl+2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>办件查询  Ctrl+3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>事项指南  Ctrl+4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>操作员  Ctrl+5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>设置  Ctrl+6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>切换界面语言</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>锁定 Ctrl+L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{station} · 操作员 {name}（{login}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>只有管理员可以管理操作员</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OperatorsPage</name>
    <message>
        <source>操作员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>只有管理员可以管理操作员。如需添加账号、解锁或重置密码，请联系本服务站的管理员。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>账号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>姓名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>角色</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>锁定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>添加操作员(&amp;A)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>停用(&amp;D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>解锁(&amp;U)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>重置密码(&amp;R)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已停用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已锁定（至 {time}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>密码输错 {n} 次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未锁定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已添加操作员 {login}（{role}）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请确认</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>停用操作员 {login}？停用后该账号不能再登录，其办理过的办件记录保留。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已停用操作员 {login}。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已解锁操作员 {login}。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已为 {login} 设置新密码。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasswordFields</name>
    <message>
        <source>密码(&amp;W)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>再输一次(&amp;G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>至少 8 个字符</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>两次输入的密码不一致，请重新输入。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <source>80 mm 热敏纸</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印预览</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>系统默认打印机</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印(&amp;P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印机：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>纸张：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印失败</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打印机没有响应。请检查打印机是否开机、联机，或换一台打印机后重试。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>不能为空</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>位数不对</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>含有不允许的字符</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>校验位不对（可能有数字录错）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>出生日期无效</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>出生日期晚于今天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>地区码无效</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>格式不对</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未知的取值</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>代办必须登记代办人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>授权已过期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不在该事项的材料清单中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>收到的份数至少为 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>该材料没有可替代的电子证照</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请选择电子证照的可信等级（A–D）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>该材料不可容缺</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>容缺材料须有补交期限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>补交期限须晚于今天</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>邮寄送达须填写地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>办理地不能与受理地相同</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>该事项不受理此类申请人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>该事项不提供此送达方式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已存在</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不能停用最后一名管理员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件不存在</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不是有效的 JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不是 UTF-8 编码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件过大</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>必填</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>超出允许范围</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuarantineDialog</name>
    <message>
        <source>内容与日志哈希不符（可能被改动）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>格式不对</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不属于本服务站</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>与平台已有记录冲突</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>该办件属于其他服务站</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>平台拒收的记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>序号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>办件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原因</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>重新发送(&amp;R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>以下记录被平台拒收，其他记录照常同步。查明原因后可重新发送。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>重置密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>为操作员 {login} 设置新密码。请当面告诉本人，并提醒其妥善保管。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>设置新密码(&amp;S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>设置</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <source>正在读取同步状态…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>立即同步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在同步…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>同步状态不可用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未登记到平台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>离线 · 待发送 %1 条 · 上次成功 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>从未</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在线 · 待发送 %1 条 · 上次成功 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>被拒 %1 条</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
