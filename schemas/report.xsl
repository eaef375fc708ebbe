<?xml version="1.0" encoding="UTF-8"?>
<!--
  report.xsl - the auditor's view: a verdict report (report.xsd) as one
  self-contained HTML page, and the batch index.

  XSLT 1.0, run by libxslt (pipeline/html.c: `solvency render`, and `solvency run`
  with its html option).  Three uses, one stylesheet so the labels, the outcome
  words and the CSS exist once:

    r:report, view=page (default)  the case's page: what needs review
                                   first, then the case, a verdict block per
                                   stay (tests, margins, a chart per savings
                                   test), the documents, every figure with
                                   its source and evidence crop;
    r:report, view=summary         a small r:summary element (overall and
                                   per-stay outcomes, items to review) that
                                   html.c puts into the batch for the index;
    r:batch                        OUT_DIR/index.html, from batch.xml with
                                   each case's r:summary inside its r:case.

  Parameters: lang (en, the default, or es; labels from the table at the
  end), view, base (prefix of the links to evidence crops, which are
  relative to OUT_DIR: empty when the page is written in OUT_DIR).

  The output is XHTML-compatible HTML: the XHTML 1.0 doctype makes libxml2
  write empty elements as <x></x> and void ones as <br />, so the same
  bytes are well-formed XML (xmllint) and parse as HTML.  No script, no
  external resource; the CSS holds no '<', '>' or '&' (XML would escape
  them inside <style>).  The output depends only on the report: no
  generate-id(), no dates.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:r="urn:solvency:report:1"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="r">

  <xsl:output method="xml" encoding="UTF-8" omit-xml-declaration="yes"
      indent="no"
      doctype-public="-//W3C//DTD XHTML 1.0 Strict//EN"
      doctype-system="http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd"/>
  <xsl:strip-space elements="*"/>

  <xsl:param name="lang" select="'en'"/>
  <xsl:param name="view" select="'page'"/>
  <xsl:param name="base" select="''"/>

  <!-- es only when asked for exactly; anything else is English -->
  <xsl:variable name="L" select="substring('enes', 1 + 2 * ($lang = 'es'), 2)"/>

  <xsl:decimal-format name="money" grouping-separator="," decimal-separator="."
      NaN="-"/>

  <!-- All the rows of a report's balances for one month. -->
  <xsl:key name="bal" match="r:balances/r:month" use="@period"/>
  <!-- A bank statement by document path and the month it counts for. -->
  <xsl:key name="stmt" match="r:document/r:statement"
      use="concat(../@path, '|', @month)"/>

  <!-- ================================================ what needs review
       One definition, used by the page (highlighted first) and by the
       summary (the index's count): every test whose outcome is
       needs-review, and every figure that feeds a test but cannot be
       trusted as read: a month (not a summed total row) that failed its
       statement's own arithmetic (its own @reconciled, or its statement's),
       a month whose holder may not be the applicant, an asset whose owner
       may not be the applicant or whose amount in words disagrees with its
       digits. -->
  <xsl:variable name="review-tests"
      select="/r:report/r:evaluation/r:test[@outcome = 'needs-review']"/>
  <xsl:variable name="review-figures"
      select="/r:report/r:balances/r:month[not(@account = 'total')]
                [@reconciled = 'false' or @holderMatch = 'uncertain'
                 or key('stmt', concat(substring-before(@source, '#'), '|',
                                       @period))/@reconciled = 'false']
            | /r:report/r:income/r:month[not(@account = 'total')]
                [@reconciled = 'false' or @holderMatch = 'uncertain']
            | /r:report/r:assets/r:asset
                [@wordsAgree = 'false' or @ownerMatch = 'uncertain']"/>

  <!-- ============================================================ roots -->

  <xsl:template match="/">
    <xsl:choose>
      <xsl:when test="r:report and $view = 'summary'">
        <xsl:apply-templates select="r:report" mode="summary"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="r:report | r:batch"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="r:report" mode="summary">
    <r:summary case="{@case}" outcome="{@outcome}"
        review="{count($review-tests) + count($review-figures)}"
        reviewTests="{count($review-tests)}"
        reviewFigures="{count($review-figures)}">
      <xsl:if test="r:applicant/@name">
        <xsl:attribute name="applicant">
          <xsl:value-of select="r:applicant/@name"/>
        </xsl:attribute>
      </xsl:if>
      <xsl:for-each select="r:evaluation/r:stay">
        <r:stay id="{@id}" outcome="{@outcome}"/>
      </xsl:for-each>
    </r:summary>
  </xsl:template>

  <!-- ========================================================= the page -->

  <xsl:template match="r:report">
    <html lang="{$L}" xml:lang="{$L}">
      <head>
        <title>
          <xsl:call-template name="t"><xsl:with-param name="k" select="'title'"/></xsl:call-template>
          <xsl:text>: </xsl:text>
          <xsl:value-of select="@case"/>
        </title>
        <xsl:call-template name="css"/>
      </head>
      <body>
        <header>
          <h1>
            <xsl:call-template name="t"><xsl:with-param name="k" select="'title'"/></xsl:call-template>
            <xsl:text> </xsl:text>
            <span class="case-id"><xsl:value-of select="@case"/></span>
          </h1>
          <p class="overall">
            <xsl:call-template name="t"><xsl:with-param name="k" select="'overall'"/></xsl:call-template>
            <xsl:text>: </xsl:text>
            <xsl:call-template name="badge"><xsl:with-param name="o" select="@outcome"/></xsl:call-template>
            <xsl:if test="r:applicant/@name">
              <xsl:text> · </xsl:text>
              <span class="who"><xsl:value-of select="r:applicant/@name"/></span>
            </xsl:if>
          </p>
        </header>
        <xsl:call-template name="review"/>
        <xsl:call-template name="case"/>
        <xsl:call-template name="eligibility"/>
        <xsl:call-template name="verdicts"/>
        <xsl:call-template name="next-steps"/>
        <xsl:call-template name="documents"/>
        <xsl:call-template name="figures"/>
        <footer>
          <p>
            <xsl:call-template name="t"><xsl:with-param name="k" select="'footer'"/></xsl:call-template>
            <xsl:text> </xsl:text>
            <code><xsl:value-of select="@case"/>.xml</code>
            <xsl:text> · solvency </xsl:text>
            <xsl:value-of select="@toolVersion"/>
          </p>
        </footer>
      </body>
    </html>
  </xsl:template>

  <!-- What keeps the verdict from being automatic, before anything else. -->
  <xsl:template name="review">
    <xsl:if test="$review-tests or $review-figures">
      <section id="review" class="review">
        <h2>
          <xsl:call-template name="t"><xsl:with-param name="k" select="'review'"/></xsl:call-template>
          <xsl:text> (</xsl:text>
          <xsl:value-of select="count($review-tests) + count($review-figures)"/>
          <xsl:text>)</xsl:text>
        </h2>
        <p class="note">
          <xsl:call-template name="t"><xsl:with-param name="k" select="'review-intro'"/></xsl:call-template>
        </p>
        <ol>
          <xsl:for-each select="$review-tests">
            <li class="item test">
              <strong>
                <xsl:call-template name="stay-name"><xsl:with-param name="id" select="@stay"/></xsl:call-template>
                <xsl:text> · </xsl:text>
                <xsl:call-template name="t"><xsl:with-param name="k" select="concat('b.', @basis)"/></xsl:call-template>
              </strong>
              <xsl:text> </xsl:text>
              <xsl:call-template name="badge"><xsl:with-param name="o" select="@outcome"/></xsl:call-template>
              <ul class="reasons">
                <xsl:for-each select="r:reason">
                  <li class="reason"><xsl:value-of select="."/></li>
                </xsl:for-each>
              </ul>
            </li>
          </xsl:for-each>
          <xsl:for-each select="$review-figures">
            <xsl:call-template name="review-figure"/>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- One doubtful figure: what it is, why it is doubtful, what the
       document and the tests say about it, and its crop. -->
  <xsl:template name="review-figure">
    <xsl:variable name="path" select="substring-before(@source, '#')"/>
    <xsl:variable name="doc" select="/r:report/r:documents/r:document[@path = $path]"/>
    <li class="item figure">
      <strong>
        <xsl:call-template name="figure-name"/>
      </strong>
      <xsl:text>: </xsl:text>
      <xsl:call-template name="money"><xsl:with-param name="v" select="@amount"/></xsl:call-template>
      <xsl:text> </xsl:text>
      <xsl:value-of select="@currency"/>
      <xsl:if test="@amountMxn and @currency != 'MXN'">
        <xsl:text> = </xsl:text>
        <xsl:call-template name="money"><xsl:with-param name="v" select="@amountMxn"/></xsl:call-template>
        <xsl:text> MXN</xsl:text>
      </xsl:if>
      <xsl:text> · </xsl:text>
      <code><xsl:value-of select="@source"/></code>
      <ul class="reasons">
        <xsl:if test="@reconciled = 'false' or
                      key('stmt', concat($path, '|', @period))/@reconciled = 'false'">
          <li class="flag">
            <xsl:call-template name="t"><xsl:with-param name="k" select="'f.unreconciled'"/></xsl:call-template>
          </li>
        </xsl:if>
        <xsl:if test="@holderMatch = 'uncertain'">
          <li class="flag"><xsl:call-template name="t"><xsl:with-param name="k" select="'f.holder'"/></xsl:call-template></li>
        </xsl:if>
        <xsl:if test="@ownerMatch = 'uncertain'">
          <li class="flag"><xsl:call-template name="t"><xsl:with-param name="k" select="'f.owner'"/></xsl:call-template></li>
        </xsl:if>
        <xsl:if test="@wordsAgree = 'false'">
          <li class="flag"><xsl:call-template name="t"><xsl:with-param name="k" select="'f.words'"/></xsl:call-template></li>
        </xsl:if>
        <!-- the document's own problems on that page -->
        <xsl:variable name="page" select="substring-after(@source, '#')"/>
        <xsl:for-each select="$doc/r:problem[not(@page) or @page = $page]">
          <li class="reason"><xsl:value-of select="."/></li>
        </xsl:for-each>
        <!-- the tests' reasons that name this figure (its source and, for
             a month, its period; for an asset, which value), each once -->
        <xsl:variable name="period" select="@period"/>
        <xsl:variable name="what" select="concat(@value, ' value')"/>
        <xsl:variable name="src" select="@source"/>
        <xsl:for-each select="/r:report/r:evaluation/r:test/r:reason
            [contains(., $src)]
            [($period and contains(., $period)) or
             (not($period) and contains(., $what))]">
          <xsl:if test="not(preceding::r:reason[. = current()]
                            [contains(., $src)])">
            <li class="reason"><xsl:value-of select="."/></li>
          </xsl:if>
        </xsl:for-each>
      </ul>
      <xsl:call-template name="crop"/>
    </li>
  </xsl:template>

  <!-- "Balance 2026-07 ****8853", "Income 2026-05 Payer", "Property:
       price". -->
  <xsl:template name="figure-name">
    <xsl:choose>
      <xsl:when test="self::r:asset">
        <xsl:call-template name="t"><xsl:with-param name="k" select="concat('b.', @kind)"/></xsl:call-template>
        <xsl:text>: </xsl:text>
        <xsl:call-template name="t"><xsl:with-param name="k" select="concat('v.', @value)"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="t">
          <xsl:with-param name="k" select="concat('fig.', local-name(..))"/>
        </xsl:call-template>
        <xsl:text> </xsl:text>
        <xsl:value-of select="@period"/>
        <xsl:if test="@account">
          <xsl:text> </xsl:text>
          <xsl:value-of select="@account"/>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ case -->

  <xsl:template name="case">
    <section id="case">
      <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'case'"/></xsl:call-template></h2>
      <table class="kv">
        <tbody>
          <tr>
            <th><xsl:call-template name="t"><xsl:with-param name="k" select="'case'"/></xsl:call-template></th>
            <td><xsl:value-of select="@case"/></td>
          </tr>
          <tr>
            <th><xsl:call-template name="t"><xsl:with-param name="k" select="'applicant'"/></xsl:call-template></th>
            <td>
              <xsl:choose>
                <xsl:when test="r:applicant/@name">
                  <strong><xsl:value-of select="r:applicant/@name"/></strong>
                </xsl:when>
                <xsl:otherwise>
                  <em><xsl:call-template name="t"><xsl:with-param name="k" select="'no-name'"/></xsl:call-template></em>
                </xsl:otherwise>
              </xsl:choose>
              <xsl:text> (</xsl:text>
              <xsl:call-template name="t">
                <xsl:with-param name="k" select="concat('name.', r:applicant/@source)"/>
              </xsl:call-template>
              <xsl:text>)</xsl:text>
            </td>
          </tr>
          <tr>
            <th><xsl:call-template name="t"><xsl:with-param name="k" select="'asof'"/></xsl:call-template></th>
            <td>
              <xsl:call-template name="or-dash"><xsl:with-param name="v" select="@asOf"/></xsl:call-template>
            </td>
          </tr>
          <tr>
            <th><xsl:call-template name="t"><xsl:with-param name="k" select="'ruleset'"/></xsl:call-template></th>
            <td>
              <strong><xsl:value-of select="@ruleset"/></strong>
              <xsl:for-each select="r:evaluation/r:ruleset">
                <xsl:text> (</xsl:text>
                <xsl:call-template name="t"><xsl:with-param name="k" select="concat('chosen.', @chosen)"/></xsl:call-template>
                <xsl:text>)</xsl:text>
                <xsl:if test="normalize-space(.) != ''">
                  <xsl:text>: </xsl:text>
                  <xsl:value-of select="."/>
                </xsl:if>
                <xsl:if test="@source">
                  <br/>
                  <span class="src"><xsl:value-of select="@source"/></span>
                </xsl:if>
              </xsl:for-each>
            </td>
          </tr>
          <xsl:for-each select="r:evaluation/r:wage">
            <tr>
              <th><xsl:call-template name="t"><xsl:with-param name="k" select="'index'"/></xsl:call-template></th>
              <td>
                <xsl:call-template name="t"><xsl:with-param name="k" select="concat('i.', @index)"/></xsl:call-template>
                <xsl:text>: </xsl:text>
                <strong>
                  <xsl:call-template name="money"><xsl:with-param name="v" select="@daily"/></xsl:call-template>
                  <xsl:text> MXN</xsl:text>
                </strong>
                <xsl:if test="@zone">
                  <xsl:text> · </xsl:text>
                  <xsl:call-template name="t"><xsl:with-param name="k" select="'zone'"/></xsl:call-template>
                  <xsl:text> </xsl:text>
                  <xsl:value-of select="@zone"/>
                </xsl:if>
                <xsl:if test="@effective">
                  <xsl:text> · </xsl:text>
                  <xsl:call-template name="t"><xsl:with-param name="k" select="'effective'"/></xsl:call-template>
                  <xsl:text> </xsl:text>
                  <xsl:value-of select="@effective"/>
                </xsl:if>
                <xsl:if test="@source">
                  <br/>
                  <span class="src"><xsl:value-of select="@source"/></span>
                </xsl:if>
              </td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
      <xsl:if test="r:problems/r:problem">
        <h3><xsl:call-template name="t"><xsl:with-param name="k" select="'problems'"/></xsl:call-template></h3>
        <ul class="problems">
          <xsl:for-each select="r:problems/r:problem">
            <li><span class="stage"><xsl:value-of select="@stage"/></span><xsl:text> </xsl:text><xsl:value-of select="."/></li>
          </xsl:for-each>
        </ul>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- ======================================================== verdicts -->

  <xsl:template name="verdicts">
    <section id="verdicts">
      <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'verdicts'"/></xsl:call-template></h2>
      <xsl:if test="not(r:evaluation/r:stay)">
        <p class="note"><xsl:call-template name="t"><xsl:with-param name="k" select="'no-stays'"/></xsl:call-template></p>
      </xsl:if>
      <xsl:for-each select="r:evaluation/r:stay">
        <xsl:variable name="id" select="@id"/>
        <div class="stay o-{@outcome}">
          <h3>
            <xsl:call-template name="stay-name"><xsl:with-param name="id" select="@id"/></xsl:call-template>
            <xsl:text> </xsl:text>
            <span class="stay-id"><xsl:value-of select="@id"/></span>
            <xsl:text> </xsl:text>
            <xsl:call-template name="badge"><xsl:with-param name="o" select="@outcome"/></xsl:call-template>
          </h3>
          <table class="tests">
            <thead>
              <tr>
                <th><xsl:call-template name="t"><xsl:with-param name="k" select="'basis'"/></xsl:call-template></th>
                <th><xsl:call-template name="t"><xsl:with-param name="k" select="'outcome'"/></xsl:call-template></th>
                <th class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'required'"/></xsl:call-template></th>
                <th class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'actual'"/></xsl:call-template></th>
                <th class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'margin'"/></xsl:call-template></th>
                <th><xsl:call-template name="t"><xsl:with-param name="k" select="'rule'"/></xsl:call-template></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="../r:test[@stay = $id]">
                <tr class="test o-{@outcome}">
                  <td><xsl:call-template name="t"><xsl:with-param name="k" select="concat('b.', @basis)"/></xsl:call-template></td>
                  <td><xsl:call-template name="badge"><xsl:with-param name="o" select="@outcome"/></xsl:call-template></td>
                  <td class="num required"><xsl:call-template name="mxn"><xsl:with-param name="v" select="@requiredMxn"/></xsl:call-template></td>
                  <td class="num actual"><xsl:call-template name="mxn"><xsl:with-param name="v" select="@actualMxn"/></xsl:call-template></td>
                  <td class="num margin"><xsl:call-template name="margin"/></td>
                  <td class="rule">
                    <xsl:value-of select="format-number(@wageDays, '#,##0', 'money')"/>
                    <xsl:text> </xsl:text>
                    <xsl:call-template name="t"><xsl:with-param name="k" select="'days'"/></xsl:call-template>
                    <xsl:if test="@windowMonths">
                      <xsl:text> · </xsl:text>
                      <xsl:value-of select="@windowMonths"/>
                      <xsl:text> </xsl:text>
                      <xsl:call-template name="t"><xsl:with-param name="k" select="'months'"/></xsl:call-template>
                    </xsl:if>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
          <xsl:for-each select="../r:test[@stay = $id]">
            <div class="test-detail o-{@outcome}">
              <h4>
                <xsl:call-template name="t"><xsl:with-param name="k" select="concat('b.', @basis)"/></xsl:call-template>
                <xsl:text> </xsl:text>
                <xsl:call-template name="badge"><xsl:with-param name="o" select="@outcome"/></xsl:call-template>
              </h4>
              <xsl:if test="r:reason">
                <ul class="reasons">
                  <xsl:for-each select="r:reason">
                    <li class="reason"><xsl:value-of select="."/></li>
                  </xsl:for-each>
                </ul>
              </xsl:if>
              <xsl:if test="@basis = 'savings'">
                <xsl:call-template name="savings-facts"/>
                <xsl:call-template name="chart"/>
              </xsl:if>
            </div>
          </xsl:for-each>
        </div>
      </xsl:for-each>
    </section>
  </xsl:template>

  <!-- Margin in % = (actual - required) / required x 100, when both are
       known. -->
  <!-- ====================================================== next steps
       For each stay found met, the INM procedure that follows in Mexico
       (r:nextSteps), with the table's source and date. -->
  <xsl:template name="next-steps">
    <xsl:if test="r:nextSteps/r:step">
      <section id="next-steps">
        <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'next-steps'"/></xsl:call-template></h2>
        <table class="next">
          <thead>
            <tr>
              <th><xsl:call-template name="t"><xsl:with-param name="k" select="'stay'"/></xsl:call-template></th>
              <th><xsl:call-template name="t"><xsl:with-param name="k" select="'procedure'"/></xsl:call-template></th>
              <th><xsl:call-template name="t"><xsl:with-param name="k" select="'appointment'"/></xsl:call-template></th>
              <th><xsl:call-template name="t"><xsl:with-param name="k" select="'within'"/></xsl:call-template></th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="r:nextSteps/r:step">
              <tr>
                <td><xsl:call-template name="stay-name"><xsl:with-param name="id" select="@stay"/></xsl:call-template></td>
                <td>
                  <strong>
                    <xsl:choose>
                      <xsl:when test="$L = 'es' and @nameEs"><xsl:value-of select="@nameEs"/></xsl:when>
                      <xsl:otherwise><xsl:value-of select="@name"/></xsl:otherwise>
                    </xsl:choose>
                  </strong>
                  <p class="step-text"><xsl:value-of select="."/></p>
                </td>
                <td>
                  <xsl:choose>
                    <xsl:when test="@appointment = 'online'">
                      <xsl:call-template name="t"><xsl:with-param name="k" select="'appointment-online'"/></xsl:call-template>
                      <xsl:if test="@since">
                        <xsl:text> (</xsl:text>
                        <xsl:call-template name="t"><xsl:with-param name="k" select="'since'"/></xsl:call-template>
                        <xsl:text> </xsl:text>
                        <xsl:value-of select="@since"/>
                        <xsl:text>)</xsl:text>
                      </xsl:if>
                    </xsl:when>
                    <xsl:otherwise>
                      <xsl:call-template name="t"><xsl:with-param name="k" select="'appointment-none'"/></xsl:call-template>
                    </xsl:otherwise>
                  </xsl:choose>
                </td>
                <td>
                  <xsl:choose>
                    <xsl:when test="@within">
                      <xsl:value-of select="@within"/>
                      <xsl:text> </xsl:text>
                      <xsl:call-template name="t"><xsl:with-param name="k" select="'days-after-entry'"/></xsl:call-template>
                      <xsl:if test="@withinConfidence and @withinConfidence != 'confirmed'">
                        <xsl:text> </xsl:text>
                        <span class="flag"><xsl:call-template name="t"><xsl:with-param name="k" select="'unconfirmed'"/></xsl:call-template></span>
                      </xsl:if>
                    </xsl:when>
                    <xsl:otherwise>—</xsl:otherwise>
                  </xsl:choose>
                </td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
        <xsl:if test="r:nextSteps/r:booking">
          <p class="note"><xsl:value-of select="r:nextSteps/r:booking"/></p>
        </xsl:if>
        <p class="source">
          <xsl:call-template name="t"><xsl:with-param name="k" select="'next-source'"/></xsl:call-template>
          <xsl:text> </xsl:text>
          <xsl:value-of select="r:nextSteps/@source"/>
          <xsl:text> (</xsl:text>
          <xsl:value-of select="r:nextSteps/@asOf"/>
          <xsl:text>)</xsl:text>
        </p>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- ===================================================== eligibility
       The answer of the us-tcn-border rules (r:eligibility): renewing a
       US visa at a US consulate in Mexico; only when case.xml asks. -->
  <xsl:template name="eligibility">
    <xsl:for-each select="r:eligibility">
      <section id="eligibility">
        <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'eligibility'"/></xsl:call-template></h2>
        <p>
          <xsl:call-template name="t"><xsl:with-param name="k" select="'eligibility-outcome'"/></xsl:call-template>
          <xsl:text>: </xsl:text>
          <xsl:call-template name="badge"><xsl:with-param name="o" select="@outcome"/></xsl:call-template>
        </p>
        <ul class="reasons">
          <xsl:for-each select="r:reason">
            <li>
              <xsl:value-of select="."/>
              <xsl:if test="@cite">
                <br/><span class="source"><xsl:value-of select="@cite"/></span>
              </xsl:if>
            </li>
          </xsl:for-each>
        </ul>
        <xsl:if test="/r:report/r:documents/r:document/r:usStatus">
          <table class="status-docs">
            <thead>
              <tr>
                <th><xsl:call-template name="t"><xsl:with-param name="k" select="'file'"/></xsl:call-template></th>
                <th><xsl:call-template name="t"><xsl:with-param name="k" select="'us-form'"/></xsl:call-template></th>
                <th><xsl:call-template name="t"><xsl:with-param name="k" select="'us-category'"/></xsl:call-template></th>
                <th><xsl:call-template name="t"><xsl:with-param name="k" select="'us-valid'"/></xsl:call-template></th>
                <th><xsl:call-template name="t"><xsl:with-param name="k" select="'us-person'"/></xsl:call-template></th>
                <th><xsl:call-template name="t"><xsl:with-param name="k" select="'evidence'"/></xsl:call-template></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="/r:report/r:documents/r:document/r:usStatus">
                <tr>
                  <td><xsl:value-of select="../@path"/></td>
                  <td><xsl:call-template name="t"><xsl:with-param name="k" select="concat('uf.', @form)"/></xsl:call-template></td>
                  <td><xsl:value-of select="@category"/></td>
                  <td>
                    <xsl:value-of select="@validFrom"/>
                    <xsl:text> – </xsl:text>
                    <xsl:choose>
                      <xsl:when test="@durationOfStatus">D/S</xsl:when>
                      <xsl:otherwise><xsl:value-of select="@validUntil"/></xsl:otherwise>
                    </xsl:choose>
                  </td>
                  <td>
                    <xsl:value-of select="@name"/>
                    <xsl:if test="normalize-space(.) != ''">
                      <br/><span class="problem"><xsl:value-of select="."/></span>
                    </xsl:if>
                  </td>
                  <td><xsl:call-template name="crop-or-dash"/></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </xsl:if>
        <p class="source"><xsl:value-of select="@source"/></p>
      </section>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="margin">
    <xsl:choose>
      <xsl:when test="@actualMxn and @requiredMxn and number(@requiredMxn) != 0">
        <xsl:variable name="m" select="(@actualMxn - @requiredMxn) div @requiredMxn * 100"/>
        <xsl:value-of select="format-number($m, '+#,##0.0;-#,##0.0', 'money')"/>
        <xsl:text> %</xsl:text>
      </xsl:when>
      <xsl:otherwise>—</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Mean, lowest month, months below and the policy of a savings test. -->
  <xsl:template name="savings-facts">
    <xsl:if test="@meanMxn or @lowestPeriod or @policy">
      <p class="facts">
        <xsl:if test="@policy">
          <xsl:call-template name="t"><xsl:with-param name="k" select="'policy'"/></xsl:call-template>
          <xsl:text>: </xsl:text>
          <xsl:call-template name="t"><xsl:with-param name="k" select="concat('p.', @policy)"/></xsl:call-template>
        </xsl:if>
        <xsl:if test="@meanMxn">
          <xsl:text> · </xsl:text>
          <xsl:call-template name="t"><xsl:with-param name="k" select="'mean'"/></xsl:call-template>
          <xsl:text> </xsl:text>
          <xsl:call-template name="mxn"><xsl:with-param name="v" select="@meanMxn"/></xsl:call-template>
        </xsl:if>
        <xsl:if test="@lowestPeriod">
          <xsl:text> · </xsl:text>
          <xsl:call-template name="t"><xsl:with-param name="k" select="'lowest'"/></xsl:call-template>
          <xsl:text> </xsl:text>
          <xsl:value-of select="@lowestPeriod"/>
          <xsl:if test="@lowestMxn">
            <xsl:text> (</xsl:text>
            <xsl:call-template name="mxn"><xsl:with-param name="v" select="@lowestMxn"/></xsl:call-template>
            <xsl:text>)</xsl:text>
          </xsl:if>
        </xsl:if>
        <xsl:if test="@monthsBelow">
          <xsl:text> · </xsl:text>
          <xsl:call-template name="t"><xsl:with-param name="k" select="'months-below'"/></xsl:call-template>
          <xsl:text>: </xsl:text>
          <xsl:value-of select="@monthsBelow"/>
        </xsl:if>
        <xsl:text> · </xsl:text>
        <xsl:call-template name="t"><xsl:with-param name="k" select="'months-found'"/></xsl:call-template>
        <xsl:text>: </xsl:text>
        <xsl:value-of select="@monthsFound"/>
        <xsl:if test="@windowMonths">
          <xsl:text>/</xsl:text>
          <xsl:value-of select="@windowMonths"/>
        </xsl:if>
      </p>
    </xsl:if>
  </xsl:template>

  <!-- =========================================================== chart
       The window's monthly totals (MXN) as bars against the required
       amount.  The window is the test's @windowMonths complete months
       before the report's asOf (README: "Window"), so a month outside it
       (a statement dated after the window) is not drawn; without asOf,
       every month of the balances.  A month's figure is its
       account="total" row when several accounts have one, else its only
       row.  One rect.bar per month with a figure; a month of the window
       without one is an empty slot marked "missing".  Bars below the
       required amount are red (class below), the lowest month is marked,
       and the mean is a second line. -->
  <xsl:template name="chart">
    <xsl:variable name="test" select="."/>
    <xsl:variable name="months" select="/r:report/r:balances/r:month"/>
    <xsl:variable name="as" select="/r:report/@asOf"/>
    <xsl:variable name="asIdx"
        select="number(substring($as, 1, 4)) * 12 + number(substring($as, 6, 2))"/>
    <!-- first and last month index of the window (y * 12 + m) -->
    <xsl:variable name="first">
      <xsl:choose>
        <xsl:when test="$as and @windowMonths">
          <xsl:value-of select="$asIdx - @windowMonths"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:for-each select="$months">
            <xsl:sort select="@period"/>
            <xsl:if test="position() = 1">
              <xsl:value-of select="number(substring(@period, 1, 4)) * 12 + number(substring(@period, 6, 2))"/>
            </xsl:if>
          </xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="last">
      <xsl:choose>
        <xsl:when test="$as and @windowMonths">
          <xsl:value-of select="$asIdx - 1"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:for-each select="$months">
            <xsl:sort select="@period" order="descending"/>
            <xsl:if test="position() = 1">
              <xsl:value-of select="number(substring(@period, 1, 4)) * 12 + number(substring(@period, 6, 2))"/>
            </xsl:if>
          </xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="inwin"
        select="$months[@amountMxn]
                  [number(substring(@period, 1, 4)) * 12 + number(substring(@period, 6, 2)) &gt;= $first]
                  [number(substring(@period, 1, 4)) * 12 + number(substring(@period, 6, 2)) &lt;= $last]"/>
    <xsl:variable name="n" select="$last - $first + 1"/>
    <xsl:choose>
      <xsl:when test="not($n &gt;= 1) or $n &gt; 120">
        <!-- no month at all: nothing to draw -->
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="req" select="number(@requiredMxn)"/>
        <xsl:variable name="mean">
          <xsl:choose>
            <xsl:when test="@meanMxn"><xsl:value-of select="@meanMxn"/></xsl:when>
            <xsl:otherwise>0</xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:variable name="top">
          <xsl:for-each select="$inwin/@amountMxn">
            <xsl:sort select="." data-type="number" order="descending"/>
            <xsl:if test="position() = 1"><xsl:value-of select="."/></xsl:if>
          </xsl:for-each>
        </xsl:variable>
        <xsl:variable name="raw0">
          <xsl:call-template name="max3">
            <xsl:with-param name="a" select="$req"/>
            <xsl:with-param name="b" select="number($mean)"/>
            <xsl:with-param name="c" select="number(concat('0', $top))"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:variable name="raw">
          <xsl:choose>
            <xsl:when test="$raw0 &gt; 0"><xsl:value-of select="$raw0 * 1.05"/></xsl:when>
            <xsl:otherwise>1</xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <!-- a round tick step: 1, 2, 2.5 or 5 x 10^k, four or five ticks -->
        <xsl:variable name="p">
          <xsl:call-template name="pow10"><xsl:with-param name="v" select="$raw div 4"/></xsl:call-template>
        </xsl:variable>
        <xsl:variable name="step">
          <xsl:choose>
            <xsl:when test="$p * 1 &gt;= $raw div 4"><xsl:value-of select="$p"/></xsl:when>
            <xsl:when test="$p * 2 &gt;= $raw div 4"><xsl:value-of select="$p * 2"/></xsl:when>
            <xsl:when test="$p * 2.5 &gt;= $raw div 4"><xsl:value-of select="$p * 2.5"/></xsl:when>
            <xsl:when test="$p * 5 &gt;= $raw div 4"><xsl:value-of select="$p * 5"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$p * 10"/></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:variable name="ymax" select="ceiling($raw div $step) * $step"/>
        <!-- geometry: plot from x 96 to 664, y 24 (ymax) to 204 (0) -->
        <xsl:variable name="x0" select="96"/>
        <xsl:variable name="pw" select="568"/>
        <xsl:variable name="y0" select="204"/>
        <xsl:variable name="ph" select="180"/>
        <xsl:variable name="slot" select="$pw div $n"/>
        <xsl:variable name="reqY" select="round(($y0 - $req div $ymax * $ph) * 10) div 10"/>
        <xsl:variable name="meanY" select="round(($y0 - $mean div $ymax * $ph) * 10) div 10"/>
        <figure class="chart">
          <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 680 276" width="680" height="276" role="img"
              class="chart">
            <title>
              <xsl:call-template name="t"><xsl:with-param name="k" select="'chart'"/></xsl:call-template>
            </title>
            <!-- y axis: ticks and amounts -->
            <xsl:call-template name="ticks">
              <xsl:with-param name="i" select="0"/>
              <xsl:with-param name="count" select="round($ymax div $step)"/>
              <xsl:with-param name="step" select="$step"/>
              <xsl:with-param name="ymax" select="$ymax"/>
              <xsl:with-param name="x0" select="$x0"/>
              <xsl:with-param name="pw" select="$pw"/>
              <xsl:with-param name="y0" select="$y0"/>
              <xsl:with-param name="ph" select="$ph"/>
            </xsl:call-template>
            <text class="axis-title" x="4" y="14">MXN</text>
            <!-- one slot per month of the window -->
            <xsl:call-template name="slots">
              <xsl:with-param name="i" select="0"/>
              <xsl:with-param name="n" select="$n"/>
              <xsl:with-param name="first" select="$first"/>
              <xsl:with-param name="test" select="$test"/>
              <xsl:with-param name="req" select="$req"/>
              <xsl:with-param name="ymax" select="$ymax"/>
              <xsl:with-param name="x0" select="$x0"/>
              <xsl:with-param name="slot" select="$slot"/>
              <xsl:with-param name="y0" select="$y0"/>
              <xsl:with-param name="ph" select="$ph"/>
            </xsl:call-template>
            <line class="axis" x1="{$x0}" y1="{$y0}" x2="{$x0 + $pw}" y2="{$y0}"/>
            <!-- the required amount and the mean: labels on the far side
                 of each other so they never overlap -->
            <line class="threshold" x1="{$x0}" y1="{$reqY}" x2="{$x0 + $pw}" y2="{$reqY}">
              <title>
                <xsl:call-template name="t"><xsl:with-param name="k" select="'required'"/></xsl:call-template>
                <xsl:text> </xsl:text>
                <xsl:call-template name="money"><xsl:with-param name="v" select="$req"/></xsl:call-template>
                <xsl:text> MXN</xsl:text>
              </title>
            </line>
            <text class="threshold-label" x="{$x0 + $pw - 4}" text-anchor="end">
              <xsl:attribute name="y">
                <xsl:choose>
                  <xsl:when test="@meanMxn and $mean &gt; $req"><xsl:value-of select="$reqY + 13"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="$reqY - 4"/></xsl:otherwise>
                </xsl:choose>
              </xsl:attribute>
              <xsl:call-template name="t"><xsl:with-param name="k" select="'required'"/></xsl:call-template>
              <xsl:text> </xsl:text>
              <xsl:call-template name="money"><xsl:with-param name="v" select="$req"/></xsl:call-template>
            </text>
            <xsl:if test="@meanMxn">
              <line class="mean" x1="{$x0}" y1="{$meanY}" x2="{$x0 + $pw}" y2="{$meanY}">
                <title>
                  <xsl:call-template name="t"><xsl:with-param name="k" select="'mean'"/></xsl:call-template>
                  <xsl:text> </xsl:text>
                  <xsl:call-template name="money"><xsl:with-param name="v" select="$mean"/></xsl:call-template>
                  <xsl:text> MXN</xsl:text>
                </title>
              </line>
              <text class="mean-label" x="{$x0 + 4}">
                <xsl:attribute name="y">
                  <xsl:choose>
                    <xsl:when test="$mean &gt; $req"><xsl:value-of select="$meanY - 4"/></xsl:when>
                    <xsl:otherwise><xsl:value-of select="$meanY + 13"/></xsl:otherwise>
                  </xsl:choose>
                </xsl:attribute>
                <xsl:call-template name="t"><xsl:with-param name="k" select="'mean'"/></xsl:call-template>
                <xsl:text> </xsl:text>
                <xsl:call-template name="money"><xsl:with-param name="v" select="$mean"/></xsl:call-template>
              </text>
            </xsl:if>
            <!-- legend -->
            <g class="legend" transform="translate({$x0},262)">
              <rect class="swatch ok" x="0" y="-9" width="10" height="10"/>
              <text x="14" y="0"><xsl:call-template name="t"><xsl:with-param name="k" select="'lg.ok'"/></xsl:call-template></text>
              <rect class="swatch below" x="150" y="-9" width="10" height="10"/>
              <text x="164" y="0"><xsl:call-template name="t"><xsl:with-param name="k" select="'lg.below'"/></xsl:call-template></text>
              <line class="threshold" x1="300" y1="-4" x2="324" y2="-4"/>
              <text x="328" y="0"><xsl:call-template name="t"><xsl:with-param name="k" select="'lg.required'"/></xsl:call-template></text>
              <line class="mean" x1="460" y1="-4" x2="484" y2="-4"/>
              <text x="488" y="0"><xsl:call-template name="t"><xsl:with-param name="k" select="'mean'"/></xsl:call-template></text>
            </g>
          </svg>
          <figcaption>
            <xsl:call-template name="t"><xsl:with-param name="k" select="'chart'"/></xsl:call-template>
          </figcaption>
        </figure>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Tick i of count, upwards from 0: a grid line and its amount. -->
  <xsl:template name="ticks" xmlns="http://www.w3.org/2000/svg">
    <xsl:param name="i"/>
    <xsl:param name="count"/>
    <xsl:param name="step"/>
    <xsl:param name="ymax"/>
    <xsl:param name="x0"/>
    <xsl:param name="pw"/>
    <xsl:param name="y0"/>
    <xsl:param name="ph"/>
    <xsl:if test="$i &lt;= $count">
      <xsl:variable name="y" select="round(($y0 - $i * $step div $ymax * $ph) * 10) div 10"/>
      <line class="grid" x1="{$x0}" y1="{$y}" x2="{$x0 + $pw}" y2="{$y}"/>
      <text class="tick" x="{$x0 - 6}" y="{$y + 4}" text-anchor="end">
        <xsl:value-of select="format-number($i * $step, '#,##0', 'money')"/>
      </text>
      <xsl:call-template name="ticks">
        <xsl:with-param name="i" select="$i + 1"/>
        <xsl:with-param name="count" select="$count"/>
        <xsl:with-param name="step" select="$step"/>
        <xsl:with-param name="ymax" select="$ymax"/>
        <xsl:with-param name="x0" select="$x0"/>
        <xsl:with-param name="pw" select="$pw"/>
        <xsl:with-param name="y0" select="$y0"/>
        <xsl:with-param name="ph" select="$ph"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- Slot i of n: month first + i, its bar (or "missing") and label. -->
  <xsl:template name="slots" xmlns="http://www.w3.org/2000/svg">
    <xsl:param name="i"/>
    <xsl:param name="n"/>
    <xsl:param name="first"/>
    <xsl:param name="test"/>
    <xsl:param name="req"/>
    <xsl:param name="ymax"/>
    <xsl:param name="x0"/>
    <xsl:param name="slot"/>
    <xsl:param name="y0"/>
    <xsl:param name="ph"/>
    <xsl:if test="$i &lt; $n">
      <xsl:variable name="idx" select="$first + $i"/>
      <xsl:variable name="year" select="floor(($idx - 1) div 12)"/>
      <xsl:variable name="period"
          select="concat(format-number($year, '0000'), '-', format-number($idx - $year * 12, '00'))"/>
      <xsl:variable name="rows" select="key('bal', $period)"/>
      <xsl:variable name="value">
        <xsl:choose>
          <xsl:when test="$rows[@account = 'total']/@amountMxn">
            <xsl:value-of select="$rows[@account = 'total']/@amountMxn"/>
          </xsl:when>
          <xsl:when test="count($rows) = 1 and $rows/@amountMxn">
            <xsl:value-of select="$rows/@amountMxn"/>
          </xsl:when>
          <xsl:when test="$rows and not($rows[not(@amountMxn)]) and not($rows[@account = 'total'])">
            <xsl:value-of select="sum($rows/@amountMxn)"/>
          </xsl:when>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="cx" select="round(($x0 + ($i + 0.5) * $slot) * 10) div 10"/>
      <xsl:variable name="bw" select="round($slot * 0.6 * 10) div 10"/>
      <xsl:choose>
        <xsl:when test="string($value) != ''">
          <xsl:variable name="h0" select="$value div $ymax * $ph"/>
          <xsl:variable name="h">
            <xsl:choose>
              <xsl:when test="$h0 &gt; $ph"><xsl:value-of select="$ph"/></xsl:when>
              <xsl:when test="$h0 &lt; 0"><xsl:value-of select="0"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="round($h0 * 10) div 10"/></xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <xsl:variable name="below" select="number($value) &lt; $req"/>
          <xsl:variable name="lowest" select="$test/@lowestPeriod = $period"/>
          <rect x="{round(($cx - $bw div 2) * 10) div 10}" y="{round(($y0 - $h) * 10) div 10}"
              width="{$bw}" height="{$h}">
            <xsl:attribute name="class">
              <xsl:text>bar</xsl:text>
              <xsl:choose>
                <xsl:when test="$below"> below</xsl:when>
                <xsl:otherwise> ok</xsl:otherwise>
              </xsl:choose>
              <xsl:if test="$lowest"> lowest</xsl:if>
            </xsl:attribute>
            <title>
              <xsl:value-of select="$period"/>
              <xsl:text>: </xsl:text>
              <xsl:call-template name="money"><xsl:with-param name="v" select="$value"/></xsl:call-template>
              <xsl:text> MXN</xsl:text>
              <xsl:if test="$below">
                <xsl:text> (</xsl:text>
                <xsl:call-template name="t"><xsl:with-param name="k" select="'below'"/></xsl:call-template>
                <xsl:text>)</xsl:text>
              </xsl:if>
            </title>
          </rect>
          <xsl:if test="$lowest">
            <text class="lowest-mark" x="{$cx}" y="{$y0 + 37}" text-anchor="middle">
              <xsl:text>▲ </xsl:text>
              <xsl:call-template name="t"><xsl:with-param name="k" select="'lowest'"/></xsl:call-template>
            </text>
          </xsl:if>
          <xsl:if test="$below">
            <text class="below-mark" x="{$cx}" y="{$y0 + 26}" text-anchor="middle">
              <xsl:call-template name="t"><xsl:with-param name="k" select="'below'"/></xsl:call-template>
            </text>
          </xsl:if>
        </xsl:when>
        <xsl:otherwise>
          <text class="missing-mark" x="{$cx}" y="{$y0 - 6}" text-anchor="middle">
            <xsl:call-template name="t"><xsl:with-param name="k" select="'missing'"/></xsl:call-template>
          </text>
        </xsl:otherwise>
      </xsl:choose>
      <text class="month" x="{$cx}" y="{$y0 + 14}" text-anchor="middle">
        <xsl:value-of select="$period"/>
      </text>
      <xsl:call-template name="slots">
        <xsl:with-param name="i" select="$i + 1"/>
        <xsl:with-param name="n" select="$n"/>
        <xsl:with-param name="first" select="$first"/>
        <xsl:with-param name="test" select="$test"/>
        <xsl:with-param name="req" select="$req"/>
        <xsl:with-param name="ymax" select="$ymax"/>
        <xsl:with-param name="x0" select="$x0"/>
        <xsl:with-param name="slot" select="$slot"/>
        <xsl:with-param name="y0" select="$y0"/>
        <xsl:with-param name="ph" select="$ph"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="max3">
    <xsl:param name="a"/>
    <xsl:param name="b"/>
    <xsl:param name="c"/>
    <xsl:variable name="ab">
      <xsl:choose>
        <xsl:when test="$a &gt;= $b"><xsl:value-of select="$a"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$b"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="number($ab) &gt;= $c"><xsl:value-of select="$ab"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$c"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The largest power of ten not above v (v >= 0.01). -->
  <xsl:template name="pow10">
    <xsl:param name="v"/>
    <xsl:param name="p" select="1"/>
    <xsl:choose>
      <xsl:when test="$p * 10 &lt;= $v and $p &lt; 1e15">
        <xsl:call-template name="pow10">
          <xsl:with-param name="v" select="$v"/>
          <xsl:with-param name="p" select="$p * 10"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$p &gt; $v and $p &gt; 0.01">
        <xsl:call-template name="pow10">
          <xsl:with-param name="v" select="$v"/>
          <xsl:with-param name="p" select="$p div 10"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$p"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ======================================================= documents -->

  <xsl:template name="documents">
    <section id="documents">
      <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'documents'"/></xsl:call-template></h2>
      <xsl:choose>
        <xsl:when test="not(r:documents/r:document)">
          <p class="note"><xsl:call-template name="t"><xsl:with-param name="k" select="'no-documents'"/></xsl:call-template></p>
        </xsl:when>
        <xsl:otherwise>
          <table class="documents">
            <thead>
              <tr>
                <th><xsl:call-template name="t"><xsl:with-param name="k" select="'file'"/></xsl:call-template></th>
                <th><xsl:call-template name="t"><xsl:with-param name="k" select="'kind'"/></xsl:call-template></th>
                <th><xsl:call-template name="t"><xsl:with-param name="k" select="'status'"/></xsl:call-template></th>
                <th><xsl:call-template name="t"><xsl:with-param name="k" select="'route'"/></xsl:call-template></th>
                <th class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'pages'"/></xsl:call-template></th>
                <th class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'ocr-conf'"/></xsl:call-template></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="r:documents/r:document">
                <tr class="doc st-{@status}">
                  <td class="path"><code><xsl:value-of select="@path"/></code></td>
                  <td><xsl:call-template name="t"><xsl:with-param name="k" select="concat('k.', @kind)"/></xsl:call-template></td>
                  <td><span class="status st-{@status}"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('st.', @status)"/></xsl:call-template></span></td>
                  <td><xsl:call-template name="t"><xsl:with-param name="k" select="concat('tx.', @text)"/></xsl:call-template></td>
                  <td class="num"><xsl:value-of select="@pages"/></td>
                  <td class="num">
                    <xsl:choose>
                      <xsl:when test="@ocrConfidence"><xsl:value-of select="@ocrConfidence"/></xsl:when>
                      <xsl:otherwise>—</xsl:otherwise>
                    </xsl:choose>
                  </td>
                </tr>
                <xsl:if test="r:problem or r:statement or r:income or r:usStatus">
                  <tr class="doc-detail st-{@status}">
                    <td colspan="6">
                      <xsl:for-each select="r:problem">
                        <p class="problem">
                          <span class="stage"><xsl:value-of select="@stage"/></span>
                          <xsl:if test="@page">
                            <xsl:text> p.</xsl:text>
                            <xsl:value-of select="@page"/>
                          </xsl:if>
                          <xsl:text>: </xsl:text>
                          <xsl:value-of select="."/>
                        </p>
                      </xsl:for-each>
                      <xsl:for-each select="r:statement">
                        <p class="statement">
                          <xsl:if test="@reconciled = 'false'">
                            <xsl:attribute name="class">statement unreconciled</xsl:attribute>
                          </xsl:if>
                          <xsl:call-template name="t"><xsl:with-param name="k" select="'statement'"/></xsl:call-template>
                          <xsl:text> </xsl:text>
                          <xsl:value-of select="@month"/>
                          <xsl:if test="@account">
                            <xsl:text> · </xsl:text>
                            <xsl:value-of select="@account"/>
                          </xsl:if>
                          <xsl:if test="@holder">
                            <xsl:text> · </xsl:text>
                            <xsl:value-of select="@holder"/>
                          </xsl:if>
                          <xsl:if test="@periodStart">
                            <xsl:text> · </xsl:text>
                            <xsl:value-of select="@periodStart"/>
                            <xsl:text> – </xsl:text>
                            <xsl:value-of select="@periodEnd"/>
                          </xsl:if>
                          <xsl:text> · </xsl:text>
                          <xsl:call-template name="t"><xsl:with-param name="k" select="'checks'"/></xsl:call-template>
                          <xsl:text>: </xsl:text>
                          <xsl:value-of select="@checks"/>
                          <xsl:text>, </xsl:text>
                          <xsl:call-template name="t">
                            <xsl:with-param name="k" select="concat('rec.', @reconciled)"/>
                          </xsl:call-template>
                        </p>
                      </xsl:for-each>
                      <xsl:for-each select="r:usStatus">
                        <p class="us-status">
                          <xsl:call-template name="t"><xsl:with-param name="k" select="concat('uf.', @form)"/></xsl:call-template>
                          <xsl:if test="@category">
                            <xsl:text> · </xsl:text>
                            <xsl:value-of select="@category"/>
                          </xsl:if>
                          <xsl:if test="@validUntil or @durationOfStatus">
                            <xsl:text> · </xsl:text>
                            <xsl:call-template name="t"><xsl:with-param name="k" select="'us-until'"/></xsl:call-template>
                            <xsl:text> </xsl:text>
                            <xsl:choose>
                              <xsl:when test="@durationOfStatus">D/S</xsl:when>
                              <xsl:otherwise><xsl:value-of select="@validUntil"/></xsl:otherwise>
                            </xsl:choose>
                          </xsl:if>
                          <xsl:if test="@name">
                            <xsl:text> · </xsl:text>
                            <xsl:value-of select="@name"/>
                          </xsl:if>
                          <xsl:if test="normalize-space(.) != ''">
                            <xsl:text> · </xsl:text>
                            <xsl:value-of select="."/>
                          </xsl:if>
                        </p>
                      </xsl:for-each>
                      <xsl:for-each select="r:income">
                        <p class="income-doc">
                          <xsl:call-template name="t"><xsl:with-param name="k" select="'income-doc'"/></xsl:call-template>
                          <xsl:if test="@person">
                            <xsl:text> · </xsl:text>
                            <xsl:value-of select="@person"/>
                          </xsl:if>
                          <xsl:if test="@payer">
                            <xsl:text> · </xsl:text>
                            <xsl:value-of select="@payer"/>
                          </xsl:if>
                          <xsl:text> · </xsl:text>
                          <xsl:call-template name="t"><xsl:with-param name="k" select="concat('nb.', @basis)"/></xsl:call-template>
                          <xsl:if test="@frequency">
                            <xsl:text> · </xsl:text>
                            <xsl:call-template name="t"><xsl:with-param name="k" select="concat('fq.', @frequency)"/></xsl:call-template>
                          </xsl:if>
                          <xsl:if test="normalize-space(.) != ''">
                            <xsl:text> · </xsl:text>
                            <xsl:value-of select="."/>
                          </xsl:if>
                        </p>
                      </xsl:for-each>
                    </td>
                  </tr>
                </xsl:if>
              </xsl:for-each>
            </tbody>
          </table>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- ========================================================= figures -->

  <xsl:template name="figures">
    <section id="figures">
      <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'figures'"/></xsl:call-template></h2>
      <!-- the applicant, and each name read where the money is (a
           statement's holder, an income letter's person) with its crop -->
      <h3><xsl:call-template name="t"><xsl:with-param name="k" select="'h.names'"/></xsl:call-template></h3>
      <table class="figures names">
        <thead>
          <tr>
            <th><xsl:call-template name="t"><xsl:with-param name="k" select="'name'"/></xsl:call-template></th>
            <th><xsl:call-template name="t"><xsl:with-param name="k" select="'source'"/></xsl:call-template></th>
            <th class="ev"><xsl:call-template name="t"><xsl:with-param name="k" select="'evidence'"/></xsl:call-template></th>
          </tr>
        </thead>
        <tbody>
          <tr class="figure applicant">
            <td>
              <strong><xsl:call-template name="or-dash"><xsl:with-param name="v" select="r:applicant/@name"/></xsl:call-template></strong>
            </td>
            <td>
              <xsl:call-template name="t"><xsl:with-param name="k" select="'applicant'"/></xsl:call-template>
              <xsl:text>: </xsl:text>
              <xsl:call-template name="t"><xsl:with-param name="k" select="concat('name.', r:applicant/@source)"/></xsl:call-template>
            </td>
            <td class="ev">
              <xsl:for-each select="r:applicant"><xsl:call-template name="crop-or-dash"/></xsl:for-each>
            </td>
          </tr>
          <xsl:for-each select="r:documents/r:document/r:statement[@holder] | r:documents/r:document/r:income[@person]">
            <tr class="figure">
              <td><xsl:value-of select="@holder | @person"/></td>
              <td class="src">
                <code>
                  <xsl:value-of select="../@path"/>
                  <xsl:if test="@firstPage">
                    <xsl:text>#</xsl:text>
                    <xsl:value-of select="@firstPage"/>
                  </xsl:if>
                </code>
                <span class="small">
                  <xsl:call-template name="t">
                    <xsl:with-param name="k" select="concat('nm.', local-name())"/>
                  </xsl:call-template>
                  <xsl:if test="@month">
                    <xsl:text> </xsl:text>
                    <xsl:value-of select="@month"/>
                  </xsl:if>
                </span>
              </td>
              <td class="ev">
                <xsl:call-template name="crop-of">
                  <xsl:with-param name="path" select="@holderEvidence | @personEvidence"/>
                </xsl:call-template>
              </td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
      <xsl:call-template name="month-table">
        <xsl:with-param name="rows" select="r:balances/r:month"/>
        <xsl:with-param name="k" select="'balances'"/>
      </xsl:call-template>
      <xsl:call-template name="month-table">
        <xsl:with-param name="rows" select="r:income/r:month"/>
        <xsl:with-param name="k" select="'income'"/>
      </xsl:call-template>
      <h3><xsl:call-template name="t"><xsl:with-param name="k" select="'assets'"/></xsl:call-template></h3>
      <xsl:choose>
        <xsl:when test="not(r:assets/r:asset)">
          <p class="note"><xsl:call-template name="t"><xsl:with-param name="k" select="'none'"/></xsl:call-template></p>
        </xsl:when>
        <xsl:otherwise>
          <table class="figures assets">
            <thead>
              <tr>
                <th><xsl:call-template name="t"><xsl:with-param name="k" select="'value'"/></xsl:call-template></th>
                <th class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'amount'"/></xsl:call-template></th>
                <th><xsl:call-template name="t"><xsl:with-param name="k" select="'currency'"/></xsl:call-template></th>
                <th class="num">MXN</th>
                <th><xsl:call-template name="t"><xsl:with-param name="k" select="'source'"/></xsl:call-template></th>
                <th class="ev"><xsl:call-template name="t"><xsl:with-param name="k" select="'evidence'"/></xsl:call-template></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="r:assets/r:asset">
                <tr class="figure">
                  <xsl:if test="@wordsAgree = 'false' or @ownerMatch = 'uncertain'">
                    <xsl:attribute name="class">figure flagged</xsl:attribute>
                  </xsl:if>
                  <td>
                    <xsl:call-template name="t"><xsl:with-param name="k" select="concat('b.', @kind)"/></xsl:call-template>
                    <xsl:text>: </xsl:text>
                    <xsl:call-template name="t"><xsl:with-param name="k" select="concat('v.', @value)"/></xsl:call-template>
                  </td>
                  <td class="num amount"><xsl:call-template name="money"><xsl:with-param name="v" select="@amount"/></xsl:call-template></td>
                  <td><xsl:value-of select="@currency"/></td>
                  <td class="num"><xsl:call-template name="money"><xsl:with-param name="v" select="@amountMxn"/></xsl:call-template></td>
                  <td class="src">
                    <code><xsl:value-of select="@source"/></code>
                    <span class="small">
                      <xsl:choose>
                        <xsl:when test="@wordsAgree = 'false'"><strong><xsl:call-template name="t"><xsl:with-param name="k" select="'f.words'"/></xsl:call-template></strong></xsl:when>
                        <xsl:when test="@wordsAgree = 'true'"><xsl:call-template name="t"><xsl:with-param name="k" select="'words-agree'"/></xsl:call-template></xsl:when>
                      </xsl:choose>
                      <xsl:if test="@ownerMatch = 'uncertain'">
                        <xsl:text> </xsl:text>
                        <strong><xsl:call-template name="t"><xsl:with-param name="k" select="'f.owner'"/></xsl:call-template></strong>
                      </xsl:if>
                    </span>
                  </td>
                  <td class="ev"><xsl:call-template name="crop-or-dash"/></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- The balances or the income months, one row per r:month. -->
  <xsl:template name="month-table">
    <xsl:param name="rows"/>
    <xsl:param name="k"/>
    <h3><xsl:call-template name="t"><xsl:with-param name="k" select="concat('h.', $k)"/></xsl:call-template></h3>
    <xsl:choose>
      <xsl:when test="not($rows)">
        <p class="note"><xsl:call-template name="t"><xsl:with-param name="k" select="'none'"/></xsl:call-template></p>
      </xsl:when>
      <xsl:otherwise>
        <table class="figures months {$k}">
          <thead>
            <tr>
              <th><xsl:call-template name="t"><xsl:with-param name="k" select="'period'"/></xsl:call-template></th>
              <th>
                <xsl:call-template name="t">
                  <xsl:with-param name="k" select="substring('accountpayer', 1 + 7 * ($k = 'income'), 7)"/>
                </xsl:call-template>
              </th>
              <th class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'amount'"/></xsl:call-template></th>
              <th><xsl:call-template name="t"><xsl:with-param name="k" select="'currency'"/></xsl:call-template></th>
              <th class="num">MXN</th>
              <th><xsl:call-template name="t"><xsl:with-param name="k" select="'source'"/></xsl:call-template></th>
              <th class="ev"><xsl:call-template name="t"><xsl:with-param name="k" select="'evidence'"/></xsl:call-template></th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="$rows">
              <xsl:variable name="flag"
                  select="not(@account = 'total') and
                          (@reconciled = 'false' or @holderMatch = 'uncertain' or
                           ($k = 'balances' and
                            key('stmt', concat(substring-before(@source, '#'), '|',
                                               @period))/@reconciled = 'false'))"/>
              <tr>
                <xsl:attribute name="class">
                  <xsl:text>figure</xsl:text>
                  <xsl:if test="@account = 'total'"> total</xsl:if>
                  <xsl:if test="$flag"> flagged</xsl:if>
                </xsl:attribute>
                <td class="period"><xsl:value-of select="@period"/></td>
                <td>
                  <xsl:choose>
                    <xsl:when test="@account = 'total'">
                      <xsl:call-template name="t"><xsl:with-param name="k" select="'total'"/></xsl:call-template>
                    </xsl:when>
                    <xsl:otherwise>
                      <xsl:call-template name="or-dash"><xsl:with-param name="v" select="@account"/></xsl:call-template>
                    </xsl:otherwise>
                  </xsl:choose>
                </td>
                <td class="num amount"><xsl:call-template name="money"><xsl:with-param name="v" select="@amount"/></xsl:call-template></td>
                <td><xsl:value-of select="@currency"/></td>
                <td class="num"><xsl:call-template name="money"><xsl:with-param name="v" select="@amountMxn"/></xsl:call-template></td>
                <td class="src">
                  <code><xsl:value-of select="@source"/></code>
                  <span class="small">
                    <xsl:call-template name="t"><xsl:with-param name="k" select="concat('mb.', @basis)"/></xsl:call-template>
                    <xsl:if test="@computed = 'true'">
                      <xsl:text>, </xsl:text>
                      <xsl:call-template name="t"><xsl:with-param name="k" select="'computed'"/></xsl:call-template>
                    </xsl:if>
                    <xsl:if test="@frequency">
                      <xsl:text>, </xsl:text>
                      <xsl:call-template name="t"><xsl:with-param name="k" select="concat('fq.', @frequency)"/></xsl:call-template>
                    </xsl:if>
                    <xsl:if test="@confidence">
                      <xsl:text> · </xsl:text>
                      <xsl:call-template name="t"><xsl:with-param name="k" select="'conf'"/></xsl:call-template>
                      <xsl:text> </xsl:text>
                      <xsl:value-of select="@confidence"/>
                    </xsl:if>
                  </span>
                  <xsl:if test="@reconciled = 'false' or ($flag and not(@holderMatch))">
                    <span class="small flag"><xsl:call-template name="t"><xsl:with-param name="k" select="'f.unreconciled'"/></xsl:call-template></span>
                  </xsl:if>
                  <xsl:if test="@holderMatch = 'uncertain'">
                    <span class="small flag"><xsl:call-template name="t"><xsl:with-param name="k" select="'f.holder'"/></xsl:call-template></span>
                  </xsl:if>
                </td>
                <td class="ev"><xsl:call-template name="crop-or-dash"/></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The evidence crop of the current figure (@evidence, a path relative
       to OUT_DIR), when it has one. -->
  <xsl:template name="crop">
    <xsl:if test="@evidence">
      <xsl:call-template name="crop-of">
        <xsl:with-param name="path" select="@evidence"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="crop-or-dash">
    <xsl:choose>
      <xsl:when test="@evidence"><xsl:call-template name="crop"/></xsl:when>
      <xsl:otherwise>—</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An <img> of the crop at path (relative to OUT_DIR; $base leads
       there from the page), "—" when path is empty. -->
  <xsl:template name="crop-of">
    <xsl:param name="path"/>
    <xsl:choose>
      <xsl:when test="string($path) = ''">—</xsl:when>
      <xsl:otherwise>
        <img class="crop">
          <xsl:attribute name="src">
            <xsl:value-of select="$base"/>
            <xsl:call-template name="uri-escape"><xsl:with-param name="s" select="string($path)"/></xsl:call-template>
          </xsl:attribute>
          <xsl:attribute name="alt">
            <xsl:call-template name="t"><xsl:with-param name="k" select="'crop-of'"/></xsl:call-template>
            <xsl:text> </xsl:text>
            <xsl:choose>
              <xsl:when test="@source"><xsl:value-of select="@source"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="../@path"/></xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
        </img>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ======================================================= the index -->

  <xsl:template match="r:batch">
    <html lang="{$L}" xml:lang="{$L}">
      <head>
        <title>
          <xsl:call-template name="t"><xsl:with-param name="k" select="'batch'"/></xsl:call-template>
        </title>
        <xsl:call-template name="css"/>
      </head>
      <body>
        <header>
          <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'batch'"/></xsl:call-template></h1>
          <p class="overall">
            <xsl:value-of select="@cases"/>
            <xsl:text> </xsl:text>
            <xsl:call-template name="t"><xsl:with-param name="k" select="'cases'"/></xsl:call-template>
            <xsl:text> · </xsl:text>
            <xsl:call-template name="t"><xsl:with-param name="k" select="'ruleset'"/></xsl:call-template>
            <xsl:text> </xsl:text>
            <xsl:value-of select="@ruleset"/>
            <xsl:text> · solvency </xsl:text>
            <xsl:value-of select="@toolVersion"/>
          </p>
          <p class="note"><xsl:call-template name="t"><xsl:with-param name="k" select="'index-intro'"/></xsl:call-template></p>
        </header>
        <table class="index">
          <thead>
            <tr>
              <th><xsl:call-template name="t"><xsl:with-param name="k" select="'case'"/></xsl:call-template></th>
              <th><xsl:call-template name="t"><xsl:with-param name="k" select="'applicant'"/></xsl:call-template></th>
              <th><xsl:call-template name="t"><xsl:with-param name="k" select="'overall'"/></xsl:call-template></th>
              <th><xsl:call-template name="t"><xsl:with-param name="k" select="'stays'"/></xsl:call-template></th>
              <th class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'to-review'"/></xsl:call-template></th>
            </tr>
          </thead>
          <tbody>
            <!-- cases needing a person first (items to review, or no
                 report), then by case id -->
            <xsl:for-each select="r:case">
              <xsl:sort select="number(not(@status = 'failed' or r:summary/@review &gt; 0))"
                  data-type="number"/>
              <xsl:sort select="@id"/>
              <xsl:variable name="page"
                  select="concat(substring(@report, 1, string-length(@report) - 4), '.html')"/>
              <tr>
                <xsl:attribute name="class">
                  <xsl:text>case o-</xsl:text>
                  <xsl:value-of select="@outcome"/>
                  <xsl:if test="@status = 'failed' or r:summary/@review &gt; 0"> attention</xsl:if>
                </xsl:attribute>
                <td class="case-id">
                  <xsl:choose>
                    <xsl:when test="@report and r:summary">
                      <a>
                        <xsl:attribute name="href">
                          <xsl:call-template name="uri-escape"><xsl:with-param name="s" select="$page"/></xsl:call-template>
                        </xsl:attribute>
                        <xsl:value-of select="@id"/>
                      </a>
                    </xsl:when>
                    <xsl:otherwise><xsl:value-of select="@id"/></xsl:otherwise>
                  </xsl:choose>
                </td>
                <td class="app">
                  <xsl:call-template name="or-dash"><xsl:with-param name="v" select="r:summary/@applicant"/></xsl:call-template>
                </td>
                <td>
                  <xsl:call-template name="badge"><xsl:with-param name="o" select="@outcome"/></xsl:call-template>
                  <xsl:if test="@status = 'failed'">
                    <xsl:text> </xsl:text>
                    <span class="status st-failed"><xsl:call-template name="t"><xsl:with-param name="k" select="'no-report'"/></xsl:call-template></span>
                  </xsl:if>
                  <xsl:for-each select="r:problem">
                    <br/>
                    <span class="problem"><xsl:value-of select="."/></span>
                  </xsl:for-each>
                </td>
                <td class="stays">
                  <xsl:for-each select="r:summary/r:stay">
                    <span class="stay-outcome">
                      <xsl:call-template name="stay-name"><xsl:with-param name="id" select="@id"/></xsl:call-template>
                      <xsl:text> </xsl:text>
                      <xsl:call-template name="badge"><xsl:with-param name="o" select="@outcome"/></xsl:call-template>
                    </span>
                    <xsl:text> </xsl:text>
                  </xsl:for-each>
                  <xsl:if test="not(r:summary/r:stay)">—</xsl:if>
                </td>
                <td class="num review-count">
                  <xsl:call-template name="or-dash"><xsl:with-param name="v" select="r:summary/@review"/></xsl:call-template>
                </td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
        <footer>
          <p><xsl:call-template name="t"><xsl:with-param name="k" select="'index-footer'"/></xsl:call-template></p>
        </footer>
      </body>
    </html>
  </xsl:template>

  <!-- ========================================================= helpers -->

  <xsl:template name="badge">
    <xsl:param name="o"/>
    <span class="badge o-{$o}">
      <xsl:call-template name="t"><xsl:with-param name="k" select="concat('o.', $o)"/></xsl:call-template>
    </span>
  </xsl:template>

  <xsl:template name="stay-name">
    <xsl:param name="id"/>
    <xsl:call-template name="t"><xsl:with-param name="k" select="concat('s.', $id)"/></xsl:call-template>
  </xsl:template>

  <!-- An amount with thousands separators and two decimals; "—" when
       absent. -->
  <xsl:template name="money">
    <xsl:param name="v"/>
    <xsl:choose>
      <xsl:when test="string($v) = ''">—</xsl:when>
      <xsl:otherwise><xsl:value-of select="format-number($v, '#,##0.00', 'money')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="mxn">
    <xsl:param name="v"/>
    <xsl:call-template name="money"><xsl:with-param name="v" select="$v"/></xsl:call-template>
    <xsl:if test="string($v) != ''"> MXN</xsl:if>
  </xsl:template>

  <xsl:template name="or-dash">
    <xsl:param name="v"/>
    <xsl:choose>
      <xsl:when test="string($v) = ''">—</xsl:when>
      <xsl:otherwise><xsl:value-of select="$v"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A relative path as a URI reference: '%', '#', '?', '"' and space
       escaped (a file name may hold them); other characters stay (UTF-8
       in a UTF-8 page). -->
  <xsl:template name="uri-escape">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="$s = ''"/>
      <xsl:otherwise>
        <xsl:variable name="c" select="substring($s, 1, 1)"/>
        <xsl:choose>
          <xsl:when test="$c = '%'">%25</xsl:when>
          <xsl:when test="$c = '#'">%23</xsl:when>
          <xsl:when test="$c = '?'">%3F</xsl:when>
          <xsl:when test="$c = ' '">%20</xsl:when>
          <xsl:when test="$c = '&quot;'">%22</xsl:when>
          <xsl:otherwise><xsl:value-of select="$c"/></xsl:otherwise>
        </xsl:choose>
        <xsl:call-template name="uri-escape">
          <xsl:with-param name="s" select="substring($s, 2)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ========================================================== labels
       One entry per key: "English|Español".  A key not in the table is
       printed as it is (an outcome or id this stylesheet does not know
       yet still shows). -->
  <xsl:template name="t">
    <xsl:param name="k"/>
    <xsl:variable name="pair">
      <xsl:choose>
        <!-- page -->
        <xsl:when test="$k = 'title'">Solvency report|Informe de solvencia</xsl:when>
        <xsl:when test="$k = 'overall'">Overall outcome|Resultado general</xsl:when>
        <xsl:when test="$k = 'review'">Needs review|Requiere revisión</xsl:when>
        <xsl:when test="$k = 'review-intro'">These tests and figures keep the verdict from being automatic: check them against the documents first.|Estas pruebas y cifras impiden un dictamen automático: contrástelas primero con los documentos.</xsl:when>
        <xsl:when test="$k = 'case'">Case|Caso</xsl:when>
        <xsl:when test="$k = 'applicant'">Applicant|Solicitante</xsl:when>
        <xsl:when test="$k = 'no-name'">no name found|no se encontró el nombre</xsl:when>
        <xsl:when test="$k = 'name.manifest'">name from case.xml|nombre de case.xml</xsl:when>
        <xsl:when test="$k = 'name.documents'">name taken from the documents (most frequent holder)|nombre tomado de los documentos (titular más frecuente)</xsl:when>
        <xsl:when test="$k = 'name'">Name|Nombre</xsl:when>
        <xsl:when test="$k = 'h.names'">The applicant and the names on the documents|El solicitante y los nombres en los documentos</xsl:when>
        <xsl:when test="$k = 'nm.statement'">holder of the statement for|titular del estado de cuenta de</xsl:when>
        <xsl:when test="$k = 'nm.income'">person named by the income document|persona nombrada en el documento de ingresos</xsl:when>
        <xsl:when test="$k = 'asof'">Evaluated as of|Fecha de evaluación</xsl:when>
        <xsl:when test="$k = 'ruleset'">Ruleset|Reglas</xsl:when>
        <xsl:when test="$k = 'chosen.given'">as named for the run|indicadas para la ejecución</xsl:when>
        <xsl:when test="$k = 'chosen.auto'">in force on the evaluation date|vigentes en la fecha de evaluación</xsl:when>
        <xsl:when test="$k = 'index'">Index applied|Índice aplicado</xsl:when>
        <xsl:when test="$k = 'i.minimum-wage'">daily minimum wage|salario mínimo diario</xsl:when>
        <xsl:when test="$k = 'i.uma'">UMA, daily value|UMA, valor diario</xsl:when>
        <xsl:when test="$k = 'zone'">zone|zona</xsl:when>
        <xsl:when test="$k = 'effective'">in force since|vigente desde</xsl:when>
        <xsl:when test="$k = 'problems'">Problems|Problemas</xsl:when>
        <xsl:when test="$k = 'eligibility'">US visa renewal at a border post (us-tcn-border)|Renovación de visa de EE. UU. en un consulado fronterizo (us-tcn-border)</xsl:when>
        <xsl:when test="$k = 'eligibility-outcome'">Answer|Respuesta</xsl:when>
        <xsl:when test="$k = 'next-steps'">Next steps in Mexico (INM)|Siguientes trámites en México (INM)</xsl:when>
        <xsl:when test="$k = 'stay'">Stay|Estancia</xsl:when>
        <xsl:when test="$k = 'procedure'">Procedure|Trámite</xsl:when>
        <xsl:when test="$k = 'appointment'">Appointment|Cita</xsl:when>
        <xsl:when test="$k = 'appointment-online'">online, booked in advance|en línea, con cita previa</xsl:when>
        <xsl:when test="$k = 'appointment-none'">none needed|no se requiere</xsl:when>
        <xsl:when test="$k = 'since'">since|desde</xsl:when>
        <xsl:when test="$k = 'within'">Time limit|Plazo</xsl:when>
        <xsl:when test="$k = 'days-after-entry'">days after entering Mexico|días naturales desde la entrada a México</xsl:when>
        <xsl:when test="$k = 'unconfirmed'">unconfirmed|sin confirmar</xsl:when>
        <xsl:when test="$k = 'next-source'">INM procedures from|Trámites del INM según</xsl:when>
        <xsl:when test="$k = 'verdicts'">Verdict by characteristic of stay|Dictamen por característica de estancia</xsl:when>
        <xsl:when test="$k = 'no-stays'">No characteristic of stay was evaluated.|No se evaluó ninguna característica de estancia.</xsl:when>
        <xsl:when test="$k = 'basis'">Test|Prueba</xsl:when>
        <xsl:when test="$k = 'outcome'">Outcome|Resultado</xsl:when>
        <xsl:when test="$k = 'required'">Required|Requerido</xsl:when>
        <xsl:when test="$k = 'actual'">Actual|Acreditado</xsl:when>
        <xsl:when test="$k = 'margin'">Margin|Margen</xsl:when>
        <xsl:when test="$k = 'rule'">Rule|Regla</xsl:when>
        <xsl:when test="$k = 'days'">days|días</xsl:when>
        <xsl:when test="$k = 'months'">months|meses</xsl:when>
        <xsl:when test="$k = 'policy'">Judged by|Criterio</xsl:when>
        <xsl:when test="$k = 'p.mean'">the mean of the months|el promedio de los meses</xsl:when>
        <xsl:when test="$k = 'p.every-month'">every month|cada mes</xsl:when>
        <xsl:when test="$k = 'mean'">mean|promedio</xsl:when>
        <xsl:when test="$k = 'lowest'">lowest|mínimo</xsl:when>
        <xsl:when test="$k = 'months-below'">months below the required amount|meses por debajo del monto requerido</xsl:when>
        <xsl:when test="$k = 'months-found'">months found|meses encontrados</xsl:when>
        <xsl:when test="$k = 'chart'">Monthly balances in MXN over the window, against the required amount|Saldos mensuales en MXN del periodo, frente al monto requerido</xsl:when>
        <xsl:when test="$k = 'below'">below|debajo</xsl:when>
        <xsl:when test="$k = 'missing'">missing|falta</xsl:when>
        <xsl:when test="$k = 'lg.ok'">month at or above|mes igual o superior</xsl:when>
        <xsl:when test="$k = 'lg.below'">month below|mes por debajo</xsl:when>
        <xsl:when test="$k = 'lg.required'">required|requerido</xsl:when>
        <xsl:when test="$k = 'documents'">Documents|Documentos</xsl:when>
        <xsl:when test="$k = 'no-documents'">The case folder held no file.|La carpeta del caso no contenía archivos.</xsl:when>
        <xsl:when test="$k = 'file'">File|Archivo</xsl:when>
        <xsl:when test="$k = 'kind'">Kind|Tipo</xsl:when>
        <xsl:when test="$k = 'status'">Status|Estado</xsl:when>
        <xsl:when test="$k = 'route'">Read from|Lectura</xsl:when>
        <xsl:when test="$k = 'pages'">Pages|Páginas</xsl:when>
        <xsl:when test="$k = 'ocr-conf'">OCR confidence|Confianza OCR</xsl:when>
        <xsl:when test="$k = 'statement'">Statement|Estado de cuenta</xsl:when>
        <xsl:when test="$k = 'checks'">arithmetic checks|comprobaciones aritméticas</xsl:when>
        <xsl:when test="$k = 'rec.true'">all pass|todas cuadran</xsl:when>
        <xsl:when test="$k = 'rec.false'">not reconciled|no cuadra</xsl:when>
        <xsl:when test="$k = 'income-doc'">Income document|Documento de ingresos</xsl:when>
        <xsl:when test="$k = 'nb.net'">net|neto</xsl:when>
        <xsl:when test="$k = 'nb.gross'">gross|bruto</xsl:when>
        <xsl:when test="$k = 'nb.unknown'">net or gross not stated|no dice si es neto o bruto</xsl:when>
        <xsl:when test="$k = 'figures'">Figures and their evidence|Cifras y su evidencia</xsl:when>
        <xsl:when test="$k = 'h.balances'">Monthly balances|Saldos mensuales</xsl:when>
        <xsl:when test="$k = 'h.income'">Monthly net income|Ingreso neto mensual</xsl:when>
        <xsl:when test="$k = 'assets'">Property and investments|Inmuebles e inversiones</xsl:when>
        <xsl:when test="$k = 'fig.balances'">Balance|Saldo</xsl:when>
        <xsl:when test="$k = 'fig.income'">Income|Ingreso</xsl:when>
        <xsl:when test="$k = 'none'">None.|Ninguno.</xsl:when>
        <xsl:when test="$k = 'period'">Month|Mes</xsl:when>
        <xsl:when test="$k = 'account'">Account|Cuenta</xsl:when>
        <xsl:when test="$k = 'payer'">Payer|Pagador</xsl:when>
        <xsl:when test="$k = 'total'">total|total</xsl:when>
        <xsl:when test="$k = 'amount'">Amount|Monto</xsl:when>
        <xsl:when test="$k = 'currency'">Currency|Moneda</xsl:when>
        <xsl:when test="$k = 'how'">Figure|Cifra</xsl:when>
        <xsl:when test="$k = 'source'">Source|Fuente</xsl:when>
        <xsl:when test="$k = 'conf'">Conf.|Conf.</xsl:when>
        <xsl:when test="$k = 'evidence'">Evidence|Evidencia</xsl:when>
        <xsl:when test="$k = 'value'">Value|Valor</xsl:when>
        <xsl:when test="$k = 'notes'">Notes|Notas</xsl:when>
        <xsl:when test="$k = 'words-agree'">words agree with digits|la letra coincide con la cifra</xsl:when>
        <xsl:when test="$k = 'computed'">computed from the running balances|calculado de los saldos diarios</xsl:when>
        <xsl:when test="$k = 'crop-of'">Crop of|Recorte de</xsl:when>
        <xsl:when test="$k = 'footer'">Rendered from the XML report, which is the record:|Generado a partir del informe XML, que es el registro:</xsl:when>
        <!-- why a figure is doubtful -->
        <xsl:when test="$k = 'f.unreconciled'">does not reconcile with its statement's own arithmetic|no cuadra con la aritmética de su propio estado de cuenta</xsl:when>
        <xsl:when test="$k = 'f.holder'">the account holder may not be the applicant|el titular de la cuenta podría no ser el solicitante</xsl:when>
        <xsl:when test="$k = 'f.owner'">the owner may not be the applicant|el propietario podría no ser el solicitante</xsl:when>
        <xsl:when test="$k = 'f.words'">the amount in words does not match the digits|el monto en letra no coincide con la cifra</xsl:when>
        <!-- index -->
        <xsl:when test="$k = 'batch'">Solvency reports: batch index|Informes de solvencia: índice del lote</xsl:when>
        <xsl:when test="$k = 'cases'">cases|casos</xsl:when>
        <xsl:when test="$k = 'stays'">Characteristics of stay|Características de estancia</xsl:when>
        <xsl:when test="$k = 'to-review'">To review|Por revisar</xsl:when>
        <xsl:when test="$k = 'no-report'">no report|sin informe</xsl:when>
        <xsl:when test="$k = 'index-intro'">Cases that need a person come first: tests marked needs-review, figures that do not reconcile or may not be the applicant's, cases without a report.|Primero los casos que necesitan a una persona: pruebas que requieren revisión, cifras que no cuadran o que podrían no ser del solicitante, casos sin informe.</xsl:when>
        <xsl:when test="$k = 'index-footer'">Each case's page is rendered from its XML report, which is the record.|La página de cada caso se genera a partir de su informe XML, que es el registro.</xsl:when>
        <!-- outcomes -->
        <xsl:when test="$k = 'o.meets'">meets|cumple</xsl:when>
        <xsl:when test="$k = 'o.not-met'">not met|no cumple</xsl:when>
        <xsl:when test="$k = 'o.needs-review'">needs review|requiere revisión</xsl:when>
        <xsl:when test="$k = 'o.insufficient-evidence'">insufficient evidence|evidencia insuficiente</xsl:when>
        <xsl:when test="$k = 'o.not-applicable'">not applicable|no aplica</xsl:when>
        <xsl:when test="$k = 'o.eligible'">eligible|elegible</xsl:when>
        <xsl:when test="$k = 'o.not-eligible'">not eligible|no elegible</xsl:when>
        <xsl:when test="$k = 'o.consult-lawyer'">consult a lawyer|consultar a un abogado</xsl:when>
        <!-- test bases and asset kinds -->
        <xsl:when test="$k = 'b.savings'">Savings|Ahorros</xsl:when>
        <xsl:when test="$k = 'b.income'">Income|Ingresos</xsl:when>
        <xsl:when test="$k = 'b.property'">Property|Inmueble</xsl:when>
        <xsl:when test="$k = 'b.investment'">Investment|Inversión</xsl:when>
        <xsl:when test="$k = 'v.price'">price|precio</xsl:when>
        <xsl:when test="$k = 'v.appraisal'">appraisal|avalúo</xsl:when>
        <xsl:when test="$k = 'v.cadastral'">cadastral value|valor catastral</xsl:when>
        <xsl:when test="$k = 'v.investment'">capital invested|capital invertido</xsl:when>
        <xsl:when test="$k = 'mb.average-daily'">average daily balance|saldo promedio diario</xsl:when>
        <xsl:when test="$k = 'mb.closing'">closing balance|saldo al corte</xsl:when>
        <xsl:when test="$k = 'fq.monthly'">paid monthly|pago mensual</xsl:when>
        <xsl:when test="$k = 'fq.weekly'">paid weekly|pago semanal</xsl:when>
        <xsl:when test="$k = 'fq.fortnightly'">paid every two weeks|pago catorcenal</xsl:when>
        <xsl:when test="$k = 'fq.semimonthly'">paid twice a month|pago quincenal</xsl:when>
        <xsl:when test="$k = 'fq.annual'">paid yearly|pago anual</xsl:when>
        <xsl:when test="$k = 'fq.hourly'">paid by the hour|pago por hora</xsl:when>
        <!-- documents -->
        <xsl:when test="$k = 'k.bank-statement'">bank statement|estado de cuenta</xsl:when>
        <xsl:when test="$k = 'k.deed'">deed|escritura</xsl:when>
        <xsl:when test="$k = 'k.income-letter'">income letter|constancia de ingresos</xsl:when>
        <xsl:when test="$k = 'k.letter'">letter|carta</xsl:when>
        <xsl:when test="$k = 'k.us-status'">US status document|documento migratorio de EE. UU.</xsl:when>
        <xsl:when test="$k = 'uf.i-797'">Form I-797 notice|aviso Formulario I-797</xsl:when>
        <xsl:when test="$k = 'uf.i-94'">Form I-94 record|registro Formulario I-94</xsl:when>
        <xsl:when test="$k = 'uf.ead'">EAD card|tarjeta EAD</xsl:when>
        <xsl:when test="$k = 'uf.us-visa'">US visa|visa de EE. UU.</xsl:when>
        <xsl:when test="$k = 'us-form'">Form|Formulario</xsl:when>
        <xsl:when test="$k = 'us-category'">Class|Clase</xsl:when>
        <xsl:when test="$k = 'us-valid'">Valid|Vigencia</xsl:when>
        <xsl:when test="$k = 'us-until'">until|hasta</xsl:when>
        <xsl:when test="$k = 'us-person'">Person|Persona</xsl:when>
        <xsl:when test="$k = 'k.unknown'">not recognised|no reconocido</xsl:when>
        <xsl:when test="$k = 'st.ok'">read|leído</xsl:when>
        <xsl:when test="$k = 'st.skipped'">skipped|omitido</xsl:when>
        <xsl:when test="$k = 'st.failed'">failed|falló</xsl:when>
        <xsl:when test="$k = 'tx.text-layer'">text layer|capa de texto</xsl:when>
        <xsl:when test="$k = 'tx.ocr'">OCR|OCR</xsl:when>
        <xsl:when test="$k = 'tx.none'">not read|no leído</xsl:when>
        <!-- characteristics of stay -->
        <xsl:when test="$k = 's.visitor'">Visitor|Visitante</xsl:when>
        <xsl:when test="$k = 's.visitor-study'">Visitor for studies|Visitante para estudios</xsl:when>
        <xsl:when test="$k = 's.visitor-10-years'">Visitor, 10 years|Visitante, 10 años</xsl:when>
        <xsl:when test="$k = 's.temporary-resident'">Temporary resident|Residente temporal</xsl:when>
        <xsl:when test="$k = 's.temporary-resident-invited'">Temporary resident, invited|Residente temporal, invitado</xsl:when>
        <xsl:when test="$k = 's.temporary-resident-family'">Temporary resident, family|Residente temporal, familiar</xsl:when>
        <xsl:when test="$k = 's.temporary-student'">Temporary student resident|Residente temporal estudiante</xsl:when>
        <xsl:when test="$k = 's.temporary-student-family'">Temporary student resident, family|Residente temporal estudiante, familiar</xsl:when>
        <xsl:when test="$k = 's.permanent-resident'">Permanent resident|Residente permanente</xsl:when>
        <xsl:when test="$k = 's.permanent-resident-family'">Permanent resident, family|Residente permanente, familiar</xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="not(contains($pair, '|'))">
        <xsl:choose>
          <xsl:when test="starts-with($k, 's.')"><xsl:value-of select="substring($k, 3)"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$k"/></xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="$L = 'es'"><xsl:value-of select="substring-after($pair, '|')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="substring-before($pair, '|')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================= CSS
       Screen and print (A4 or Letter: the page box is left to the
       printer's paper, margins fixed).  Colour is never the only sign:
       badges carry words, below-threshold bars a label. -->
  <xsl:template name="css">
    <style type="text/css">
      @page { margin: 14mm 12mm; }
      * { box-sizing: border-box; }
      body { font: 10.5pt/1.4 "DejaVu Sans", "Liberation Sans", Arial, sans-serif;
             color: #1a1a1a; margin: 0 auto; padding: 1.2em 1.5em; max-width: 68em; }
      h1 { font-size: 1.55em; margin: 0 0 .2em; }
      h2 { font-size: 1.2em; margin: 1.4em 0 .5em; padding-bottom: .15em;
           border-bottom: 2px solid #33475b; color: #33475b; }
      h3 { font-size: 1.05em; margin: 1em 0 .4em; }
      h4 { font-size: .95em; margin: .8em 0 .3em; }
      code { font-family: "DejaVu Sans Mono", monospace; font-size: .92em; overflow-wrap: anywhere; }
      .small { display: block; font-size: .85em; color: #555; }
      .small.flag { color: #92400e; font-weight: bold; }
      .case-id, .stay-id { font-family: "DejaVu Sans Mono", monospace; font-weight: normal; }
      .stay-id { font-size: .8em; color: #555; }
      .overall { font-size: 1.1em; margin: .2em 0; }
      .who { font-weight: bold; }
      .note { color: #444; font-style: italic; }
      .source { color: #555; font-size: 0.85em; }
      .step-text { margin: 0.3em 0 0; font-size: 0.92em; }
      .src { color: #555; font-size: .9em; }
      table { border-collapse: collapse; width: 100%; margin: .3em 0 .8em; }
      th, td { border: 1px solid #c8ced4; padding: .25em .45em; text-align: left; vertical-align: top; }
      thead th { background: #eef1f4; font-size: .9em; }
      table.kv th { width: 11em; background: #f6f7f9; }
      .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
      .badge { display: inline-block; padding: .05em .5em; border-radius: .7em;
               font-size: .88em; font-weight: bold; border: 1px solid; white-space: nowrap; }
      .badge.o-meets { color: #14532d; background: #dcfce7; border-color: #16a34a; }
      .badge.o-not-met { color: #7f1d1d; background: #fee2e2; border-color: #dc2626; }
      .badge.o-needs-review { color: #713f12; background: #fef3c7; border-color: #d97706; }
      .badge.o-insufficient-evidence { color: #334155; background: #e2e8f0; border-color: #64748b; }
      .badge.o-not-applicable { color: #475569; background: #f8fafc; border-color: #94a3b8; }
      .badge.o-eligible { color: #14532d; background: #dcfce7; border-color: #16a34a; }
      .badge.o-not-eligible { color: #7f1d1d; background: #fee2e2; border-color: #dc2626; }
      .badge.o-consult-lawyer { color: #713f12; background: #fef3c7; border-color: #d97706; }
      .review { border: 2px solid #d97706; background: #fffbeb; padding: .3em 1em .6em;
                margin: 1em 0; border-radius: 4px; }
      .review h2 { color: #92400e; border-bottom-color: #d97706; margin-top: .4em; }
      .review .item { margin: .45em 0; }
      .reasons { margin: .2em 0 .3em 1.2em; padding: 0; }
      .reasons li { margin: .1em 0; }
      .flag { font-weight: bold; color: #92400e; }
      .stay { border: 1px solid #c8ced4; border-left: 6px solid #64748b; padding: .2em .9em .5em;
              margin: .8em 0 1.2em; page-break-inside: avoid; break-inside: avoid; }
      .stay.o-meets { border-left-color: #16a34a; }
      .stay.o-not-met { border-left-color: #dc2626; }
      .stay.o-needs-review { border-left-color: #d97706; }
      .stay h3 { margin-top: .5em; }
      .test-detail { margin: .4em 0 .6em; }
      .facts { margin: .2em 0; font-size: .92em; }
      figure.chart { margin: .4em 0; }
      figure.chart figcaption { font-size: .85em; color: #555; }
      svg.chart { width: 100%; max-width: 680px; height: auto; display: block; }
      svg.chart text { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10px; fill: #333; }
      svg.chart .axis-title { font-weight: bold; }
      svg.chart .grid { stroke: #e2e6ea; stroke-width: 1; }
      svg.chart .axis { stroke: #555; stroke-width: 1; }
      svg.chart .bar.ok, svg.chart .swatch.ok { fill: #5b8db8; }
      svg.chart .bar.below, svg.chart .swatch.below { fill: #dc2626; }
      svg.chart .bar.lowest { stroke: #111; stroke-width: 1.5; }
      svg.chart .threshold { stroke: #b91c1c; stroke-width: 2; stroke-dasharray: 6 3; }
      svg.chart .mean { stroke: #1e3a8a; stroke-width: 1.5; }
      svg.chart .threshold-label { fill: #b91c1c; font-weight: bold; }
      svg.chart .mean-label { fill: #1e3a8a; font-weight: bold; }
      svg.chart .below-mark { fill: #b91c1c; font-weight: bold; }
      svg.chart .missing-mark { fill: #64748b; font-style: italic; }
      svg.chart .lowest-mark { font-weight: bold; }
      tr.flagged td { background: #fef3c7; }
      tr.total td { font-weight: bold; background: #f6f7f9; }
      tr.st-failed td, tr.st-skipped td { background: #fdf2f2; }
      tr.doc-detail td { border-top: none; font-size: .9em; }
      .problem { color: #7f1d1d; margin: .1em 0; }
      .statement, .income-doc { margin: .1em 0; color: #333; }
      .statement.unreconciled { color: #92400e; font-weight: bold; }
      .status.st-failed { color: #991b1b; font-weight: bold; }
      .status.st-skipped { color: #92400e; }
      .stage { font-family: "DejaVu Sans Mono", monospace; font-size: .85em; color: #555; }
      img.crop { display: block; max-width: 100%; height: auto; max-height: 5em;
                 border: 1px solid #94a3b8; margin: .1em 0; background: #fff; }
      table.figures th.ev, table.figures td.ev { width: 42%; }
      .review img.crop { max-width: 34em; }
      td.period { white-space: nowrap; }
      .stay-outcome { white-space: nowrap; margin-right: .6em; }
      tr.attention td { background: #fffbeb; }
      table.index td.case-id { font-family: "DejaVu Sans Mono", monospace; white-space: nowrap; }
      table.index td.app { min-width: 11em; }
      footer { margin-top: 2em; font-size: .85em; color: #555; border-top: 1px solid #c8ced4; }
      @media print {
        body { max-width: none; padding: 0; font-size: 9.5pt; }
        * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        a { color: inherit; text-decoration: none; }
        h2 { page-break-after: avoid; break-after: avoid; }
        tr, li, figure, img { page-break-inside: avoid; break-inside: avoid; }
        thead { display: table-header-group; }
        .review { page-break-inside: auto; }
      }
    </style>
  </xsl:template>

</xsl:stylesheet>
